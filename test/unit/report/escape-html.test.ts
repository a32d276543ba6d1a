import { escapeHtml, html, SafeHtml } from '../../../lib/report/escape-html.js';

describe('escapeHtml', () => {
  it('escapes & < > " and \' and leaves other text alone', () => {
    expect(escapeHtml(`a&b<c>d"e'f \u201cg\u201d &amp;`)).toBe(
      'a&amp;b&lt;c&gt;d&quot;e&#39;f \u201cg\u201d &amp;amp;',
    );
  });
});

describe('html', () => {
  it('escapes every interpolated string and number but keeps SafeHtml and arrays of it', () => {
    const inner = html`<b>${'<i>'}</b>`;

    const out = html`<p title="${`" onclick="x`}">${'<script>'}${inner}${[inner, inner]}${3}</p>`;

    expect(out.value).toBe(
      '<p title="&quot; onclick=&quot;x">&lt;script&gt;<b>&lt;i&gt;</b><b>&lt;i&gt;</b><b>&lt;i&gt;</b>3</p>',
    );
  });

  it('joins safe parts with an escaped separator', () => {
    expect(SafeHtml.join([html`<br>`, html`<br>`], '<&>').value).toBe('<br>&lt;&amp;&gt;<br>');
  });
});
