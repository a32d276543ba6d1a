import { ArticleRejectedError } from '../errors.js';
import { modelText } from '../detect/fingerprint.js';
import type { DetectorParams } from '../detect/detector-params.js';
import { keyProblem } from '../store/keys.js';
import { cleanText } from '../text/clean-text.js';
import { degenerateTextProblem } from '../text/degenerate-text.js';
import { extractArticle } from '../text/extract-article.js';

/** Why an article's key cannot be judged (see keyProblem), as its rejection; undefined when it can. */
export function keyRejection(key: string): ArticleRejectedError | undefined {
  const problem = keyProblem(key);
  return problem
    ? new ArticleRejectedError('bad-key', `key ${JSON.stringify(key)} is not a plain relative path: ${problem}`)
    : undefined;
}

/** Extracts, cleans, size-checks an article and refuses degenerate text; throws ArticleRejectedError. */
export function prepareArticle(
  key: string,
  bytes: Uint8Array,
  params: Pick<DetectorParams, 'maxBytes' | 'minWords'>,
): { title: string; text: string; publishedAt?: string } {
  const badKey = keyRejection(key);
  if (badKey) throw badKey;
  const extracted = extractArticle(key, bytes, params.maxBytes);
  const clean = cleanText(extracted.text);
  const { tokens } = modelText(clean.text);
  const words = tokens.count;
  if (words < params.minWords) {
    const n = clean.removed.length;
    const removed = n > 0 ? ` after removing ${n} boilerplate paragraph${n === 1 ? '' : 's'}` : '';
    throw new ArticleRejectedError(
      'too-short',
      `${words} words of story text${removed}; at least ${params.minWords} are needed to judge${unspacedScriptNote(extracted.text)}`,
    );
  }
  const degenerate = degenerateTextProblem(tokens);
  if (degenerate) throw new ArticleRejectedError('degenerate', degenerate);
  const published = extracted.publishedAt !== undefined ? { publishedAt: extracted.publishedAt } : {};
  return { title: extracted.title, text: clean.text, ...published };
}

/** Letters of scripts written without spaces between words, which the tokenizer cannot split into words. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/** Why a text of many letters has few words, when that is the reason: its script. */
function unspacedScriptNote(text: string): string {
  // counted lazily, up to the few needed: the text may be megabytes of one script
  const letters = text.matchAll(UNSPACED);
  for (let n = 0; n < MIN_UNSPACED_LETTERS; n++) if (letters.next().done) return '';
  return ' (words are read between spaces: Chinese, Japanese, Thai and other scripts written without them cannot be judged)';
}

/** Letters of such scripts that make the script the likely reason a text has too few words. */
const MIN_UNSPACED_LETTERS = 20;
