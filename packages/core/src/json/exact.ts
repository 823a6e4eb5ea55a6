/**
 * Exact JSON everywhere, synchronously: the platform where it can, lossless-json elsewhere
 * (Node 20). Integers outside ±(2^53 − 1) are `bigint`; every other number is a `number`.
 */
import { parse, stringify } from 'lossless-json'
import {
  holdsBigint,
  isUnsafeIntegerLiteral,
  mayHoldUnsafeInteger,
  nativeExact,
  parseNative,
  stringifyNative,
} from './native.js'

const parseNumber = (source: string): number | bigint => {
  const value = Number(source)
  return isUnsafeIntegerLiteral(source, value) ? BigInt(source) : value
}

/**
 * Parses JSON keeping every integer digit: integers beyond `Number.MAX_SAFE_INTEGER` become
 * `bigint`, the rest stays as `JSON.parse` gives it. Throws `SyntaxError` on invalid JSON.
 * @example
 * ```ts
 * parseJson('{"offset": 1733080000123456789}') // { offset: 1733080000123456789n }
 * ```
 */
export function parseJson(text: string): unknown {
  if (!mayHoldUnsafeInteger(text)) return JSON.parse(text)
  return nativeExact ? parseNative(text) : parse(text, null, parseNumber)
}

/**
 * `JSON.stringify` that writes a `bigint` as its exact digits (`space` as in `JSON.stringify`).
 * @example
 * ```ts
 * stringifyJson({ offset: 1733080000123456789n }) // '{"offset":1733080000123456789}'
 * ```
 */
export function stringifyJson(value: unknown, space?: string | number): string {
  if (!holdsBigint(value)) return JSON.stringify(value, null, space)
  return nativeExact ? stringifyNative(value, space) : (stringify(value, null, space) as string)
}
