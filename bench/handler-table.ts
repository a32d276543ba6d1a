import type { HandlerAtSize, HandlerFigures } from './measure-handler.js';
import { fmt, round } from './print-table.js';

/** Rows of the handler breakdown, one per index size: `[measure, value...]` under `HANDLER_HEADER`. */
export const HANDLER_HEADER = [
  'indexed',
  'wall p50',
  'wall p95',
  'cpu p50',
  'gc p50',
  'server cpu p50',
  'query p50',
  'query cpu p50',
  'LIST',
  'GET',
  'PUT',
  'keys listed p50',
  'bands >1 page',
  'found p50',
  'verified p50',
  'GET KB p50',
  'planted found',
] as const;

/** The breakdown of each index size as table cells (ms unless named). */
export function handlerRows(figures: HandlerFigures): string[][] {
  return figures.atIndexSize.map((h) => [
    fmt(h.indexed, 0),
    fmt(h.ms.median, 1),
    fmt(h.ms.p95, 1),
    fmt(h.cpuMs.median, 1),
    fmt(h.gcMs.median, 1),
    h.serverCpuMs ? fmt(h.serverCpuMs.median, 1) : 'in cpu',
    fmt(h.queryMs.median, 1),
    fmt(h.queryCpuMs.median, 1),
    fmt(h.s3RequestsByCommand['ListObjectsV2'] ?? 0, 1),
    fmt(h.s3RequestsByCommand['GetObject'] ?? 0, 1),
    fmt(h.s3RequestsByCommand['PutObject'] ?? 0, 1),
    fmt(h.listedKeys.median, 0),
    fmt(h.bandsOverOnePage, 1),
    fmt(h.candidatesFound.median, 0),
    fmt(h.candidatesVerified.median, 0),
    fmt(h.bytesRead.median / 1024, 1),
    `${h.plantedFound}/${h.plantedRewrites}`,
  ]);
}

/** The handler figures of the bench's JSON line, keyed by index size. */
export function handlerJson(figures: HandlerFigures): Record<string, unknown> {
  const by = (f: (h: HandlerAtSize) => number): Record<string, number> =>
    Object.fromEntries(figures.atIndexSize.map((h) => [String(h.indexed), round(f(h), 1)]));
  const at = (n: number): HandlerAtSize | undefined => figures.atIndexSize.find((h) => h.indexed === n);
  const last = figures.atIndexSize[figures.atIndexSize.length - 1]!;
  return {
    handlerMsP50At1k: at(1000) ? round(at(1000)!.ms.median, 1) : null,
    handlerMsP50At10k: at(10000) ? round(at(10000)!.ms.median, 1) : null,
    handlerMsP95At10k: at(10000) ? round(at(10000)!.ms.p95, 1) : null,
    handlerMsP50ByIndexSize: by((h) => h.ms.median),
    handlerMsP95ByIndexSize: by((h) => h.ms.p95),
    handlerCpuMsP50ByIndexSize: by((h) => h.cpuMs.median),
    handlerCpuMsP95ByIndexSize: by((h) => h.cpuMs.p95),
    handlerGcMsP50ByIndexSize: by((h) => h.gcMs.median),
    s3rverCpuMsP50ByIndexSize: figures.atIndexSize.every((h) => h.serverCpuMs)
      ? by((h) => h.serverCpuMs!.median)
      : null,
    handlerQueryMsP50ByIndexSize: by((h) => h.queryMs.median),
    listedKeysP50ByIndexSize: by((h) => h.listedKeys.median),
    candidatesFoundP50ByIndexSize: by((h) => h.candidatesFound.median),
    candidatesVerifiedP50ByIndexSize: by((h) => h.candidatesVerified.median),
    plantedRewritesFoundByIndexSize: Object.fromEntries(
      figures.atIndexSize.map((h) => [String(h.indexed), `${h.plantedFound}/${h.plantedRewrites}`]),
    ),
    s3RequestsPerArticle: round(last.s3Requests, 1),
    s3RequestsByCommand: Object.fromEntries(Object.entries(last.s3RequestsByCommand).map(([c, n]) => [c, round(n, 1)])),
    s3rverPlacement: figures.server,
  };
}
