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

  it('fall back to the absolute path without its leading slash outside the root', () => {
    expect(articleKey('/elsewhere/story.txt', '/data/news')).toBe('elsewhere/story.txt');
    expect(articleKey('/data/news', '/data/news')).toBe('data/news');
  });

  it('relativeInside tells paths strictly inside a folder from the rest', () => {
    expect(relativeInside('/a', '/a/b/c.txt')).toBe('b/c.txt');
    expect(relativeInside('/a', '/a')).toBeUndefined();
    expect(relativeInside('/a', '/ab/c.txt')).toBeUndefined();
    expect(relativeInside('/a/b', '/a/c.txt')).toBeUndefined();
  });
});
