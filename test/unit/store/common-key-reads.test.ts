import { CommonKeyReads } from '../../../lib/store/common-key-reads.js';

const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}/${i}.txt`);

describe('CommonKeyReads', () => {
  it('gives a read back until it expires, and not to a query whose limit it exceeds', () => {
    const reads = new CommonKeyReads(1000, 100, 100);
    reads.keep('t-1', ids('a', 3), 0);
    expect(reads.get('t-1', 10, 999)).toEqual(ids('a', 3));
    expect(reads.get('t-1', 10, 1000)).toBeUndefined();
    expect(reads.get('t-1', 2, 0)).toBeUndefined();
    expect(reads.get('t-2', 10, 0)).toBeUndefined();
  });

  it("applies the process's own writes and removals to a kept read, once each", () => {
    const reads = new CommonKeyReads(1000, 100, 100);
    reads.keep('t-1', ids('a', 2), 0);
    reads.added('t-1', 'b.txt');
    reads.added('t-1', 'b.txt');
    reads.added('t-9', 'b.txt'); // not kept: nothing to add to
    reads.removed('t-1', 'a/0.txt');
    reads.removed('t-1', 'never.txt');
    expect(reads.get('t-1', 10, 0)).toEqual(['a/1.txt', 'b.txt']);
    expect(reads.get('t-9', 10, 0)).toBeUndefined();
  });

  it('drops the oldest reads past its entry budget, and everything past its article budget', () => {
    const reads = new CommonKeyReads(1000, 5, 8);
    reads.keep('t-1', ids('a', 2), 0);
    reads.keep('t-2', ids('b', 2), 0);
    reads.keep('t-3', ids('c', 2), 0); // 6 entries > 5: t-1 goes
    expect(reads.get('t-1', 10, 0)).toBeUndefined();
    expect(reads.get('t-2', 10, 0)).toEqual(ids('b', 2));
    expect(reads.get('t-3', 10, 0)).toEqual(ids('c', 2));
    reads.keep('t-4', ids('d', 3), 0); // 6 + 3 article keys named > 8: all dropped, then t-4 kept
    expect(reads.get('t-2', 10, 0)).toBeUndefined();
    expect(reads.get('t-4', 10, 0)).toEqual(ids('d', 3));
  });

  it('keeps nothing with a TTL of 0, nor a read larger than its whole budget', () => {
    const off = new CommonKeyReads(0, 100, 100);
    off.keep('t-1', ids('a', 2), 0);
    expect(off.get('t-1', 10, 0)).toBeUndefined();
    const small = new CommonKeyReads(1000, 2, 100);
    small.keep('t-1', ids('a', 3), 0);
    expect(small.get('t-1', 10, 0)).toBeUndefined();
  });
});
