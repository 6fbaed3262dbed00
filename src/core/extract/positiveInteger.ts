/**
 * A whole number above zero (a count of devices, layers, steps or epochs), or undefined: the check every reader
 * makes before a value becomes a fact, written once.
 */
export function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * The same, also from a string of digits as a config or a `key=value` list writes it (`"8"`, `1_000`); `maxDigits`
 * bounds what a string may hold.
 */
export function positiveIntegerOrDigits(value: unknown, maxDigits = 15): number | undefined {
  if (typeof value !== 'string') return positiveInteger(value);
  const digits = value.trim();
  if (digits.length === 0 || digits.length > maxDigits + Math.floor(maxDigits / 3) || !/^\d[\d_]*$/.test(digits))
    return undefined;
  const plain = digits.replace(/_/g, '');
  return plain.length > maxDigits ? undefined : positiveInteger(Number(plain));
}
