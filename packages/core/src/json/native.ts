/**
 * Exact JSON on the platform alone, where it can: `JSON.parse` with source-text access (the
 * reviver's third argument) and `JSON.rawJSON` — Chromium 114+, Firefox 135+, Node 21+. Node 20
 * has neither; `exact.ts` (lossless-json) covers it and is loaded only when an answer needs it.
 */

/** Integers outside ±(2^53 − 1) become `bigint`; this says whether the literal `source` is one. */
export const isUnsafeIntegerLiteral = (source: string, value: number): boolean =>
  !Number.isSafeInteger(value) && /^-?\d+$/.test(source)

/** A number literal with 16 or more digits in a row may be an unsafe integer; shorter ones never are. */
export const mayHoldUnsafeInteger = (text: string): boolean => /\d{16}/.test(text)

type Reviver = (key: string, value: unknown, context?: { source?: string }) => unknown
type RawJson = { rawJSON?: (text: string) => unknown }

const sourceReviver: Reviver = (_key, value, context) =>
  typeof value === 'number' && context?.source !== undefined && isUnsafeIntegerLiteral(context.source, value)
    ? BigInt(context.source)
    : value

const probe = (): boolean => {
  let seen = false
  JSON.parse('1', ((_k, v, context) => {
    seen = typeof context?.source === 'string'
    return v
  }) as Reviver as never)
  return seen
}

/** Whether this platform parses and writes big integers exactly without a library. */
export const nativeExact: boolean = probe() && typeof (JSON as RawJson).rawJSON === 'function'

/** Parses with `bigint` for unsafe integers; only where `nativeExact`. */
export const parseNative = (text: string): unknown => JSON.parse(text, sourceReviver as never)

/** Writes `bigint` as its digits; only where `nativeExact`. */
export const stringifyNative = (value: unknown, space?: string | number): string =>
  JSON.stringify(
    value,
    (_key, v) => (typeof v === 'bigint' ? (JSON as unknown as Required<RawJson>).rawJSON(v.toString()) : v),
    space,
  )

/** Whether `value` holds a `bigint` anywhere (plain data only, as `toJsonData` leaves it). */
export function holdsBigint(value: unknown): boolean {
  if (typeof value === 'bigint') return true
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) return value.some(holdsBigint)
  for (const key in value) if (holdsBigint((value as Record<string, unknown>)[key])) return true
  return false
}
