import { tokenize } from '../../../lib/text/tokenize.js';
import { splitSentences, MAX_SENTENCE_WORDS } from '../../../lib/text/sentences.js';

function sentences(text: string): string[] {
  return splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('splits at full stops', () => {
    expect(sentences('The court sat at ten. The jury was sworn in. Evidence began.')).toEqual([
      'The court sat at ten.',
      'The jury was sworn in.',
      'Evidence began.',
    ]);
  });

  it('does not split after titles and other abbreviations', () => {
    expect(sentences('Mr. Smith went to Washington. He arrived on Monday.')).toEqual([
      'Mr. Smith went to Washington.',
      'He arrived on Monday.',
    ]);
    expect(sentences('Dr. Jones and Mrs. Patel met Prof. Grey at St. Paul. They talked.')).toEqual([
      'Dr. Jones and Mrs. Patel met Prof. Grey at St. Paul.',
      'They talked.',
    ]);
  });

  it('does not split after initials', () => {
    expect(sentences('The letter was signed by J. Smith and A. B. Jones. It was dated May.')).toEqual([
      'The letter was signed by J. Smith and A. B. Jones.',
      'It was dated May.',
    ]);
  });

  it('ends a sentence at a paragraph break even without punctuation', () => {
    expect(sentences('Court news in brief\n\nThe hearing was adjourned until June.')).toEqual([
      'Court news in brief',
      'The hearing was adjourned until June.',
    ]);
  });

  it('does not end a sentence at a single line break', () => {
    expect(sentences('The hearing was\nadjourned until June.')).toEqual(['The hearing was\nadjourned until June.']);
  });

  it('splits at question and exclamation marks', () => {
    expect(sentences('Was it over? Yes! It was over.')).toEqual(['Was it over?', 'Yes!', 'It was over.']);
  });

  it('keeps closing quotes and brackets after the full stop in the sentence', () => {
    expect(sentences('He said: "It is over." Then he left.')).toEqual(['He said: "It is over."', 'Then he left.']);
    expect(sentences('She was released (on bail.) The case continues.')).toEqual([
      'She was released (on bail.)',
      'The case continues.',
    ]);
  });

  it('keeps opening quotes and brackets before the first word in the sentence, never the previous one', () => {
    expect(sentences('He left. "It is over," she said. (Nobody argued.) \u201cFine.\u201d')).toEqual([
      'He left.',
      '"It is over," she said.',
      '(Nobody argued.)',
      '\u201cFine.\u201d',
    ]);
    expect(sentences('"Quoted first."')).toEqual(['"Quoted first."']);
    // a run-on line cut without a space: the cut's punctuation stays with the sentence before
    const words = Array.from({ length: MAX_SENTENCE_WORDS }, (_, i) => `w${i}`).join(' ');
    expect(sentences(`${words}--"next one`)).toEqual([`${words}--"`, 'next one']);
  });

  it('does not split before a lower-case word or inside a number', () => {
    expect(sentences('Prices rose 3.5 per cent. Shares fell.')).toEqual(['Prices rose 3.5 per cent.', 'Shares fell.']);
    expect(sentences('He asked why? nobody knew.')).toEqual(['He asked why? nobody knew.']);
  });

  it('covers every token exactly once, in order', () => {
    const text = 'Mr. Smith arrived. He sat down!\n\nThe judge spoke? Yes.';
    const tokens = tokenize(text);
    const split = splitSentences(text, tokens);
    expect(split[0]!.firstToken).toBe(0);
    for (let k = 1; k < split.length; k++) expect(split[k]!.firstToken).toBe(split[k - 1]!.endToken);
    expect(split[split.length - 1]!.endToken).toBe(tokens.count);
  });

  it(`cuts a 200-word run-on line every ${MAX_SENTENCE_WORDS} words`, () => {
    const text = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const split = splitSentences(text, tokenize(text));
    expect(split.map((s) => s.endToken - s.firstToken)).toEqual([60, 60, 60, 20]);
    expect(MAX_SENTENCE_WORDS).toBe(60);
    expect(text.slice(split[1]!.start, split[1]!.end).startsWith('word60 ')).toBe(true);
  });

  it('returns nothing for text without words', () => {
    expect(sentences('')).toEqual([]);
    expect(sentences(' ... ')).toEqual([]);
  });
});
