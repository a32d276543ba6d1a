/**
 * The href from one article's HTML report to another's. Reports live at `reports/<key>.html`, so
 * the link is relative between the two keys: it then works from a folder on disk, in the bucket
 * and behind any host serving the reports/ prefix. Each path segment is percent-encoded (a key may
 * hold spaces, "#", "?", "%" or ":"), which S3 and file URLs decode back to the key. A presigned
 * URL signs one object only: the link keeps its path but not the signature, so a page shared by
 * presigned URL has its links presigned too (use-cases/share-report.ts).
 */
export function reportHref(fromKey: string, toKey: string): string {
  const fromDirs = fromKey.split('/').slice(0, -1);
  const to = toKey.split('/');
  let common = 0;
  while (common < fromDirs.length && common < to.length - 1 && fromDirs[common] === to[common]) common++;
  const up = '../'.repeat(fromDirs.length - common);
  const down = to
    .slice(common)
    .map((segment, i, all) => encodeURIComponent(wellFormed(i === all.length - 1 ? `${segment}.html` : segment)));
  return `${up === '' ? './' : up}${down.join('/')}`;
}

/** The text with lone surrogates (which no S3 or file key holds, and encodeURIComponent refuses) replaced. */
function wellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, '\uFFFD');
}
