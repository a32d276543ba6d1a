import type { ObjectLinks } from './ports.js';

/**
 * The path from the object at `fromKey` to the one at `key`, both in one store, each segment
 * percent-encoded: it resolves the same in a folder opened from disk and under one bucket URL.
 */
export function relativeHref(fromKey: string, key: string): string {
  const from = fromKey.split('/').slice(0, -1);
  const to = key.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const ups = from.slice(common).map(() => '..');
  return [...ups, ...to.slice(common).map(encodeURIComponent)].join('/');
}

/** Links that never expire: relative paths, for a local store or a mirrored folder. */
export const relativeLinks: ObjectLinks = {
  href: async (key, fromKey) => relativeHref(fromKey, key),
  expiresAt: null,
};
