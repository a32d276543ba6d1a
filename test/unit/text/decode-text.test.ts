import { decodeText } from '../../../lib/text/decode-text';
import { rejectionOf } from '../../helpers/rejection-of.js';

const MAX = 1_000_000;

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

describe('decodeText', () => {
  it('rejects an empty file', () => {
    expect(rejectionOf(() => decodeText(new Uint8Array(0), MAX)).code).toBe('empty');
  });

  it('rejects a file over the limit and names both sizes', () => {
    const rejection = rejectionOf(() => decodeText(new Uint8Array(11).fill(0x61), 10));
    expect(rejection.code).toBe('too-large');
    expect(rejection.message).toContain('11');
    expect(rejection.message).toContain('10');
  });

  it('decodes UTF-8 and strips its BOM', () => {
    const input = new TextEncoder().encode('\uFEFFCafé “quoted” £5');
    expect(decodeText(input, MAX)).toBe('Café “quoted” £5');
  });

  it('decodes UTF-16 LE and BE files that start with a BOM', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x48, 0x00, 0x69, 0x00, 0xa3, 0x00), MAX)).toBe('Hi£');
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x48, 0x00, 0x69, 0x20, 0x1c), MAX)).toBe('Hi“');
  });

  it('rejects a UTF-16 BOM followed by an odd number of bytes as bad encoding', () => {
    expect(rejectionOf(() => decodeText(bytes(0xff, 0xfe, 0x48, 0x00, 0x69), MAX)).code).toBe('bad-encoding');
  });

  it('falls back to Windows-1252 for invalid UTF-8', () => {
    const input = bytes(...ascii('He said '), 0x93, ...ascii('fine'), 0x94, ...ascii(' for '), 0xa3, ...ascii('5 '), 0x96, ...ascii(' ok'), 0x85);
    expect(decodeText(input, MAX)).toBe('He said “fine” for £5 – ok…');
  });

  it('rejects NUL bytes without a UTF-16 BOM as binary', () => {
    expect(rejectionOf(() => decodeText(bytes(...ascii('PK'), 0x03, 0x04, 0x00, 0x00, ...ascii('text')), MAX)).code).toBe('binary');
  });

  it('rejects text made mostly of control characters as binary', () => {
    const input = bytes(...ascii('abcdefgh'), 0x01, 0x02, 0x03, 0x1b, 0x7f);
    expect(rejectionOf(() => decodeText(input, MAX)).code).toBe('binary');
  });

  it('accepts a few control characters, as in wire copy', () => {
    const input = bytes(0x19, ...ascii('A paragraph of wire copy that is long enough.<'));
    expect(decodeText(input, MAX)).toBe('\u0019A paragraph of wire copy that is long enough.<');
  });

  it('normalises line ends to \\n and text to NFC', () => {
    const input = new TextEncoder().encode('one\r\ntwo\rthree\ncafe\u0301');
    expect(decodeText(input, MAX)).toBe('one\ntwo\nthree\ncafé');
  });
});
