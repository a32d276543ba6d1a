import fc from 'fast-check';
import { ArticleRejectedError, type RejectionCode } from '../../../lib/errors.js';
import { DEFAULT_DETECTOR_PARAMS } from '../../../lib/detect/detector-params.js';
import { cleanText } from '../../../lib/text/clean-text.js';
import { extractArticle, SUPPORTED_EXTENSIONS } from '../../../lib/text/extract-article.js';
import { tokenize } from '../../../lib/text/tokenize.js';
import { prepareArticle } from '../../../lib/use-cases/prepare-article.js';
import {
  anyString,
  articleBytes,
  articleBytesFor,
  articleKey,
  PROPERTY_RUNS,
} from '../../helpers/article-arbitraries.js';

/** What fn did: returned a value, or threw an ArticleRejectedError; anything else is rethrown and fails the property. */
function outcome<T>(fn: () => T): { value: T } | { code: RejectionCode } {
  try {
    return { value: fn() };
  } catch (error) {
    if (error instanceof ArticleRejectedError) return { code: error.code };
    throw error;
  }
}

/** Counts how often each outcome occurred, to show the generators reach both sides of every property. */
function tally(): { seen: Map<string, number>; note: (o: { code: RejectionCode } | object) => void } {
  const seen = new Map<string, number>();
  return {
    seen,
    note: (o) => seen.set('code' in o ? o.code : 'accepted', (seen.get('code' in o ? o.code : 'accepted') ?? 0) + 1),
  };
}

describe.each(SUPPORTED_EXTENSIONS)('article preparation of %s files', (ext) => {
  it('extractArticle returns title and text strings or throws ArticleRejectedError, nothing else', () => {
    const { seen, note } = tally();
    fc.assert(
      fc.property(articleBytesFor(ext), fc.constantFrom(DEFAULT_DETECTOR_PARAMS.maxBytes, 64), (bytes, maxBytes) => {
        const o = outcome(() => extractArticle(`a/story${ext}`, bytes, maxBytes));
        note(o);
        if ('value' in o) {
          expect(typeof o.value.title).toBe('string');
          expect(o.value.title.length).toBeLessThanOrEqual(200);
          expect(o.value.text).toMatch(/[\p{L}\p{N}]/u);
        }
      }),
      PROPERTY_RUNS,
    );
    expect(seen.get('accepted')).toBeGreaterThan(10);
    expect(seen.size).toBeGreaterThan(3);
  });

  it('prepareArticle returns cleaned text of at least minWords words or throws ArticleRejectedError, nothing else', () => {
    const { seen, note } = tally();
    fc.assert(
      fc.property(articleBytesFor(ext), (bytes) => {
        const o = outcome(() => prepareArticle(`a/story${ext}`, bytes, DEFAULT_DETECTOR_PARAMS));
        note(o);
        if ('value' in o) {
          expect(typeof o.value.title).toBe('string');
          expect(tokenize(o.value.text).count).toBeGreaterThanOrEqual(DEFAULT_DETECTOR_PARAMS.minWords);
        }
      }),
      PROPERTY_RUNS,
    );
    expect(seen.get('accepted')).toBeGreaterThan(10);
    expect(seen.get('too-short')).toBeGreaterThan(0);
  });
});

describe('article preparation of any key', () => {
  it('prepareArticle rejects a bad key or an unsupported type with a typed error, whatever the bytes', () => {
    const { seen, note } = tally();
    fc.assert(
      fc.property(articleKey, articleBytes, (key, bytes) => {
        note(outcome(() => prepareArticle(key, bytes, DEFAULT_DETECTOR_PARAMS)));
      }),
      PROPERTY_RUNS,
    );
    expect(seen.get('bad-key')).toBeGreaterThan(0);
    expect(seen.get('unsupported-type')).toBeGreaterThan(0);
  });
});

describe('cleanText', () => {
  it('never throws and returns paragraphs that index its text', () => {
    fc.assert(
      fc.property(
        fc.array(anyString, { maxLength: 8 }),
        fc.constantFrom('\n', '\n\n', ' ', '\r\n'),
        (parts, joiner) => {
          const clean = cleanText(parts.join(joiner));
          expect(clean.text).toBe(clean.paragraphs.map((p) => clean.text.slice(p.start, p.end)).join('\n\n'));
        },
      ),
      PROPERTY_RUNS,
    );
  });
});
