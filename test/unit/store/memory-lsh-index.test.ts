import { MemoryLshIndex } from '../../../lib/store/memory-lsh-index';
import { MAX_ENTRIES_PER_BAND, type LshIndex } from '../../../lib/store/ports';

describe('MemoryLshIndex', () => {
  it('counts the articles holding entries, whatever it is told, and keeps the count through removals', async () => {
    const index: LshIndex = new MemoryLshIndex();
    await index.add('a', ['k1', 'k2']);
    await index.add('a', ['k2', 'k3']);
    expect(await index.size()).toBe(1);
    await index.add('b', ['k1']);
    await index.countArticles(5);
    expect(await index.size()).toBe(2);
    await index.remove('a', ['k1', 'k2', 'never']);
    expect(await index.size()).toBe(2);
    await index.remove('a', ['k3']);
    expect(await index.size()).toBe(1);
  });

  it('reads a band no further than MAX_ENTRIES_PER_BAND entries, the first in S3 listing order', async () => {
    const index = new MemoryLshIndex();
    // added in reverse so that insertion order and listing order differ
    const ids = Array.from(
      { length: MAX_ENTRIES_PER_BAND + 3 },
      (_, i) => `incoming/a-${String(i).padStart(5, '0')}.txt`,
    ).reverse();
    for (const id of ids) await index.add(id, ['b0-full', `b1-${id}`]);
    const hits = await index.query(['b0-full']);
    expect(hits.size).toBe(MAX_ENTRIES_PER_BAND);
    expect(hits.has('incoming/a-00000.txt')).toBe(true);
    expect(hits.has(`incoming/a-${String(MAX_ENTRIES_PER_BAND + 2).padStart(5, '0')}.txt`)).toBe(false);
    // the key's own bands still find it
    expect((await index.query(['b0-full', `b1-${ids[0]!}`])).get(ids[0]!)).toBe(1);
  });

  it('orders by the URI-encoded key, as S3 lists index entries', async () => {
    const index = new MemoryLshIndex();
    // ' ' encodes to %20, which sorts before '-'; '~' stays as it is and sorts after letters
    const ids = Array.from({ length: MAX_ENTRIES_PER_BAND }, (_, i) => `incoming/m${String(i).padStart(5, '0')}.txt`);
    for (const id of [...ids, 'incoming/~last.txt', 'incoming/ first.txt']) await index.add(id, ['b0-x']);
    const hits = await index.query(['b0-x']);
    expect(hits.has('incoming/ first.txt')).toBe(true);
    expect(hits.has('incoming/~last.txt')).toBe(false);
    expect(hits.has(ids[ids.length - 1]!)).toBe(false);
  });

  it('counts every band an id shares below the cap', async () => {
    const index = new MemoryLshIndex();
    await index.add('x', ['b0-a', 'b1-b', 'b2-c']);
    await index.add('y', ['b0-a', 'b1-z']);
    expect(Object.fromEntries(await index.query(['b0-a', 'b1-b', 'b2-c']))).toEqual({ x: 3, y: 1 });
  });

  it('reads each band in order, none for an unseen key, and skips a band over the limit', async () => {
    const index = new MemoryLshIndex();
    await index.add('x', ['t-a', 't-b']);
    await index.add('y', ['t-a']);
    await index.add('z', ['t-a']);
    const [a, b, unseen] = await index.readBands(['t-a', 't-b', 't-none'], 3);
    expect([...a!].sort()).toEqual(['x', 'y', 'z']);
    expect(b).toEqual(['x']);
    expect(unseen).toEqual([]);
    expect(await index.readBands(['t-a', 't-b'], 2)).toEqual([undefined, ['x']]);
  });
});
