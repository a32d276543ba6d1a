/** A plain decimal: optional sign, digits with an optional fraction, optional exponent. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The number a person wrote in decimal, or NaN. `Number` alone also reads "0x1F", "0b1", "" and
 * "  " (as 0), which in a setting are typos, not values.
 */
export function decimalNumber(text: string | undefined): number {
  const trimmed = text?.trim() ?? '';
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}
