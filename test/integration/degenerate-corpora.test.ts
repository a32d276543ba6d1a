import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cleanText } from '../../lib/text/clean-text';
import { degenerateTextProblem } from '../../lib/text/degenerate-text';
import { tokenize } from '../../lib/text/tokenize';

// The corpora live beside the repo (../shared/corpora) and are read in place, never copied.
const CORPORA = resolve(__dirname, '../../../shared/corpora');

/**
 * The labelled corpora's files and the first 2,000 articles of background news. All 57,688
 * background articles passed too, once (ten minutes on a shared machine: too slow to repeat here).
 */
function* corpusTexts(): Generator<[string, string]> {
  for (const corpus of ['clough-stevenson-2011', 'meter-courts', 'llm-restyled-politifact']) {
    const dir = join(CORPORA, corpus, 'texts');
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (name.endsWith('.txt')) yield [`${corpus}/${name}`, readFileSync(join(dir, name), 'utf8')];
    }
  }
  const background = join(CORPORA, 'news-background');
  for (const shard of ['articles-000.jsonl.gz']) {
    for (const line of gunzipSync(readFileSync(join(background, shard)))
      .toString('utf8')
      .split('\n')
      .slice(0, 2000)) {
      if (line === '') continue;
      const { id, text } = JSON.parse(line) as { id: string; text: string };
      yield [`news-background/${id}`, text];
    }
  }
}

describe('degenerateTextProblem on real text', () => {
  it('passes the texts of shared/corpora', () => {
    if (!existsSync(CORPORA)) throw new Error(`corpora not found at ${CORPORA}: clone the repo beside shared/`);
    const flagged: string[] = [];
    let texts = 0;
    for (const [name, text] of corpusTexts()) {
      texts++;
      const problem = degenerateTextProblem(tokenize(cleanText(text).text));
      if (problem) flagged.push(`${name}: ${problem}`);
    }
    expect(texts).toBeGreaterThan(5_900);
    expect(flagged).toEqual([]);
  });
});
