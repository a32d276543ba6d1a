import { countUtf8Sequences, decodeText, mostlyUtf8 } from '../../../lib/text/decode-text';
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
    const input = bytes(
      ...ascii('He said '),
      0x93,
      ...ascii('fine'),
      0x94,
      ...ascii(' for '),
      0xa3,
      ...ascii('5 '),
      0x96,
      ...ascii(' ok'),
      0x85,
    );
    expect(decodeText(input, MAX)).toBe('He said “fine” for £5 – ok…');
  });

  it('rejects NUL bytes without a UTF-16 BOM as binary', () => {
    expect(
      rejectionOf(() => decodeText(bytes(...ascii('PK'), 0x03, 0x04, 0x00, 0x00, ...ascii('text')), MAX)).code,
    ).toBe('binary');
  });

  it('rejects text made mostly of control characters as binary', () => {
    const input = bytes(...ascii('abcdefgh'), 0x01, 0x02, 0x03, 0x1b, 0x7f);
    expect(rejectionOf(() => decodeText(input, MAX)).code).toBe('binary');
  });

  it('rejects bytes mostly above 0x7F that are not UTF-8 as bad encoding (random bytes, Cyrillic in Windows-1251)', () => {
    let seed = 7;
    const random = Array.from({ length: 3000 }, () => 128 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 128));
    expect(rejectionOf(() => decodeText(bytes(...random), MAX)).code).toBe('bad-encoding');
    // "Привет мир, это новости" in Windows-1251
    const cyrillic = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0, 0x2c, 0x20, 0xfd, 0xf2, 0xee];
    expect(rejectionOf(() => decodeText(bytes(...cyrillic), MAX)).code).toBe('bad-encoding');
    // French in Windows-1252 stays readable
    expect(decodeText(bytes(...ascii('Le d'), 0xe9, ...ascii('put'), 0xe9, ...ascii(' a parl'), 0xe9, 0x2e), MAX)).toBe(
      'Le député a parlé.',
    );
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

describe('decodeText on damaged UTF-8', () => {
  const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];

  it('reads a mostly valid UTF-8 file as UTF-8, the one bad byte becoming U+FFFD', () => {
    const input = bytes(...utf8('Ukraine’s “grain” deal — '), 0xff, ...utf8(' signed in Kyiv’s centre'));
    expect(decodeText(input, MAX)).toBe('Ukraine’s “grain” deal — \uFFFD signed in Kyiv’s centre');
  });

  it('reads a character cut off at the end as one U+FFFD', () => {
    const input = bytes(...utf8('Zelenskyy’s “plan” for Kherson and Mykolaiv — in '), 0xe2, 0x80);
    expect(decodeText(input, MAX)).toBe('Zelenskyy’s “plan” for Kherson and Mykolaiv — in \uFFFD');
  });

  it('keeps Windows-1252 for a plain ASCII file with one high byte (no UTF-8 sequence at all)', () => {
    expect(decodeText(bytes(...ascii('It costs 5'), 0x80, ...ascii(' today')), MAX)).toBe('It costs 5€ today');
  });

  it('keeps Windows-1252 when invalid sequences are as many as the valid ones or more', () => {
    // one valid sequence (é as UTF-8) against Windows-1252 quotes and a pound sign
    const input = bytes(...utf8('Café '), 0x93, ...ascii('fine'), 0x94, ...ascii(' for '), 0xa3, ...ascii('5'));
    expect(decodeText(input, MAX)).toBe('CafÃ© “fine” for £5');
  });
});

describe('countUtf8Sequences / mostlyUtf8', () => {
  it('counts valid multi-byte sequences and invalid bytes, overlongs and surrogates included', () => {
    expect(countUtf8Sequences(new TextEncoder().encode('aé€😀'))).toEqual({ valid: 3, invalid: 0 });
    // C0 80 is an overlong NUL, ED A0 80 a surrogate, FF never appears in UTF-8
    expect(countUtf8Sequences(bytes(0xc0, 0x80, 0xed, 0xa0, 0x80, 0xff))).toEqual({ valid: 0, invalid: 6 });
  });

  it('takes a file as mostly UTF-8 while its valid sequences outnumber the invalid ones', () => {
    const valid = (n: number): number[] => Array.from({ length: n }, () => [0xc3, 0xa9]).flat();
    expect(mostlyUtf8(bytes(...valid(3), 0xff, 0xff))).toBe(true);
    expect(mostlyUtf8(bytes(...valid(2), 0xff, 0xff))).toBe(false);
    expect(mostlyUtf8(bytes(0x41, 0xff))).toBe(false);
  });
});
