import { setTimeout as sleep } from 'node:timers/promises';
import { countCommand, countRequests, currentCounts } from '../../../lib/store/request-scope.js';

/** What a client's middleware does for one request: count it into the work that sent it, after an await. */
async function send(command: string, delayMs: number): Promise<void> {
  await sleep(delayMs);
  const counts = currentCounts();
  if (counts) countCommand(counts.s3, `${command}Command`);
}

describe('countRequests', () => {
  it('gives each of several pieces of work running at once the requests it sent, and no others', async () => {
    const work = (puts: number, gets: number) => async (): Promise<number> => {
      await Promise.all([
        ...Array.from({ length: puts }, (_, i) => send('PutObject', (i * 7) % 5)),
        ...Array.from({ length: gets }, (_, i) => send('GetObject', (i * 3) % 4)),
      ]);
      return puts + gets;
    };
    const [a, b, c] = await Promise.all([
      countRequests(work(3, 1)),
      countRequests(work(1, 5)),
      countRequests(work(0, 2)),
    ]);

    expect(Object.fromEntries(a.counts.s3)).toEqual({ PutObject: 3, GetObject: 1 });
    expect(Object.fromEntries(b.counts.s3)).toEqual({ PutObject: 1, GetObject: 5 });
    expect(Object.fromEntries(c.counts.s3)).toEqual({ GetObject: 2 });
    expect([a.result, b.result, c.result]).toEqual([4, 6, 2]);
  });

  it('counts nothing outside any work, and nests: inner work counts apart from the outer', async () => {
    await send('PutObject', 0);
    expect(currentCounts()).toBeUndefined();
    const outer = await countRequests(async () => {
      await send('GetObject', 1);
      const inner = await countRequests(() => send('ListObjectsV2', 1));
      expect(Object.fromEntries(inner.counts.s3)).toEqual({ ListObjectsV2: 1 });
    });
    expect(Object.fromEntries(outer.counts.s3)).toEqual({ GetObject: 1 });
  });
});
