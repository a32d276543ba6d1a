/**
 * The handler part of `npm run bench` alone: `node --openssl-legacy-provider dist/bench/run-handler.js`
 * with RR_BENCH_HANDLER_SIZES (default 1000,10000), RR_BENCH_PROBE (articles timed per size,
 * default 40) and RR_BENCH_S3RVER=in-process to run s3rver in the handler's own thread as before.
 */
import { handlerJson, handlerRows, HANDLER_HEADER } from './handler-table.js';
import { measureHandler, type ServerPlacement } from './measure-handler.js';
import { printTable } from './print-table.js';

async function main(): Promise<void> {
  const sizes = (process.env['RR_BENCH_HANDLER_SIZES'] ?? '1000,10000').split(',').map(Number);
  const probe = Number(process.env['RR_BENCH_PROBE'] ?? '40');
  const server: ServerPlacement = process.env['RR_BENCH_S3RVER'] === 'in-process' ? 'in-process' : 'forked';
  const figures = await measureHandler(sizes, {
    probe,
    server,
    onSize: (h) =>
      console.error(`measured: ${JSON.stringify(h, (key, value: unknown) => (key === 'samples' ? undefined : value))}`),
  });
  console.log(
    `handler: ${probe} articles per size, ${figures.wordsPerArticle} words, s3rver ${server}, index seeded in ${figures.seedSeconds.toFixed(0)} s; per article, ms unless named; LIST/GET/PUT are means`,
  );
  printTable(HANDLER_HEADER, handlerRows(figures), true);
  console.log(
    JSON.stringify(
      {
        ...handlerJson(figures),
        atIndexSize: figures.atIndexSize.map(({ ms, cpuMs, serverCpuMs, ...rest }) => ({
          ...rest,
          ms: { median: ms.median, p95: ms.p95 },
          cpuMs: { median: cpuMs.median, p95: cpuMs.p95 },
          serverCpuMs: serverCpuMs ? { median: serverCpuMs.median, p95: serverCpuMs.p95 } : null,
        })),
      },
      (key, value: unknown) => (key === 'samples' ? undefined : value),
    ),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
