/** An option that must be a whole number of at least `min`: returned as it is, or a TypeError naming it. */
export function wholeNumber(name: string, value: unknown, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
    throw new TypeError(`${name} must be an integer ≥ ${min}, got ${String(value)}`)
  return value
}
