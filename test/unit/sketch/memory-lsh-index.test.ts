import { MemoryLshIndex } from '../../../lib/store/memory-lsh-index.js';

describe('MemoryLshIndex', () => {
  it('adding the same id and keys twice is idempotent', async () => {
    const index = new MemoryLshIndex();
    await index.add('a', ['b0-1', 'b1-2', 'b2-3']);
    expect(index.entryCount()).toBe(3);
    await index.add('a', ['b0-1', 'b1-2', 'b2-3']);
    expect(index.entryCount()).toBe(3);
    expect(await index.query(['b0-1', 'b1-2', 'b2-3'])).toEqual(new Map([['a', 3]]));
  });

  it('counts, per id, how many of the queried band keys it shares', async () => {
    const index = new MemoryLshIndex();
    await index.add('a', ['b0-1', 'b1-2', 'b2-3']);
    await index.add('b', ['b0-1', 'b1-9', 'b2-3']);
    await index.add('c', ['b0-7', 'b1-8', 'b2-9']);
    const hits = await index.query(['b0-1', 'b1-2', 'b2-3']);
    expect(hits).toEqual(
      new Map([
        ['a', 3],
        ['b', 2],
      ]),
    );
    expect(index.entryCount()).toBe(9);
  });

  it('a query of unseen band keys returns an empty map and does not throw', async () => {
    const index = new MemoryLshIndex();
    expect(await index.query(['b0-nothing', 'b1-here'])).toEqual(new Map());
    await index.add('a', ['b0-1']);
    expect(await index.query(['b0-2'])).toEqual(new Map());
    expect(await index.query([])).toEqual(new Map());
  });

  it('remove takes the id out of its bands and leaves the others', async () => {
    const index = new MemoryLshIndex();
    await index.add('a', ['b0-1', 'b1-2']);
    await index.add('b', ['b0-1', 'b1-5']);
    await index.remove('a', ['b0-1', 'b1-2']);
    expect(await index.query(['b0-1', 'b1-2'])).toEqual(new Map([['b', 1]]));
    expect(index.entryCount()).toBe(2);
  });

  it('remove is idempotent and ignores keys and ids it does not hold', async () => {
    const index = new MemoryLshIndex();
    await index.add('a', ['b0-1', 'b1-2']);
    await index.remove('a', ['b0-1']);
    await index.remove('a', ['b0-1']);
    await index.remove('a', ['b9-unknown']);
    await index.remove('z', ['b1-2']);
    expect(index.entryCount()).toBe(1);
    expect(await index.query(['b0-1', 'b1-2'])).toEqual(new Map([['a', 1]]));
    await index.remove('a', ['b1-2']);
    expect(index.entryCount()).toBe(0);
    expect(await index.query(['b0-1', 'b1-2'])).toEqual(new Map());
  });

  it('re-adding after removal restores the entries', async () => {
    const index = new MemoryLshIndex();
    await index.add('a', ['b0-1']);
    await index.remove('a', ['b0-1']);
    await index.add('a', ['b0-1']);
    expect(await index.query(['b0-1'])).toEqual(new Map([['a', 1]]));
    expect(index.entryCount()).toBe(1);
  });
});
