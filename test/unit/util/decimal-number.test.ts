import { decimalNumber } from '../../../lib/util/decimal-number';

describe('decimalNumber', () => {
  it.each([
    ['0.6', 0.6],
    ['  12 ', 12],
    ['-3', -3],
    ['+.5', 0.5],
    ['1e3', 1000],
    ['5.', 5],
  ])('reads %j as %d', (text, value) => {
    expect(decimalNumber(text)).toBe(value);
  });

  it.each(['0x1', '0b1', '0o7', '', '   ', '1_000', 'Infinity', '1,5', '.', '1e', undefined])(
    'reads %j as no number (Number would read some of them)',
    (text) => {
      expect(decimalNumber(text)).toBeNaN();
    },
  );
});
