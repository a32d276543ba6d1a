import { articleKey, keyRootOf, relativeInside } from '../../../lib/store/article-key.js';

describe('article keys', () => {
  it('are relative to the folder holding the store', () => {
    const root = keyRootOf('/data/news/.rewrite-radar');

    expect(root).toBe('/data/news');
    expect(articleKey('/data/news/wire/2024/story.txt', root)).toBe('wire/2024/story.txt');
  });

  it('keep a file name that merely starts with two dots inside the root', () => {
    expect(articleKey('/data/news/..draft.txt', '/data/news')).toBe('..draft.txt');
  });

  it('are the absolute path under .outside/ outside the root', () => {
    expect(articleKey('/elsewhere/story.txt', '/data/news')).toBe('.outside/elsewhere/story.txt');
    expect(articleKey('/data/news', '/data/news')).toBe('.outside/data/news');
  });

  it('never give a file outside the root the key of one inside it', () => {
    const root = '/data/news';
    expect(articleKey('/tmp/a.txt', root)).not.toBe(articleKey('/data/news/tmp/a.txt', root));
  });

  it('relativeInside tells paths strictly inside a folder from the rest', () => {
    expect(relativeInside('/a', '/a/b/c.txt')).toBe('b/c.txt');
    expect(relativeInside('/a', '/a')).toBeUndefined();
    expect(relativeInside('/a', '/ab/c.txt')).toBeUndefined();
    expect(relativeInside('/a/b', '/a/c.txt')).toBeUndefined();
  });
});
