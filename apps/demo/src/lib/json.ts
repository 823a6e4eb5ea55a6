/**
 * The HWM value editor's JSON handling: Horizon stores any JSON value, and ETL jobs store int64
 * offsets and nanosecond timestamps (1733080000123456789) that a `number` would round. Text is
 * read with the core's exact parser (integers beyond 2^53 become `bigint`) and values are written
 * with its exact writer, so what is shown, edited and saved keeps every digit.
 */
import { type JsonValue, parseJson as parseExact, stringifyJson } from '@horizon-ts/core/json'
import { jsonErrorOffset, lineColumn } from './json-error'

/** A failure carries where the text went wrong (`at`, an offset), when it is a syntax error, for the editor to mark. */
export type ParsedJson =
  | { ok: true; value: JsonValue }
  | { ok: false; message: string; at?: { offset: number; line: number; column: number } }

export function parseJson(text: string): ParsedJson {
  if (!text.trim())
    return { ok: false, message: 'Enter a JSON value, for example 42, "2024-01-31" or [1, 2] (null too).' }
  try {
    return { ok: true, value: parseExact(text) as JsonValue }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    const offset = jsonErrorOffset(text)
    if (offset === null) return { ok: false, message: `Not valid JSON: ${reason}` }
    const { line, column } = lineColumn(text, offset)
    return {
      ok: false,
      message: `Not valid JSON at line ${line}:${column}: ${reason}`,
      at: { offset, line, column },
    }
  }
}

/** What the value is, in words, to confirm the editor read it as intended. */
export function describeJson(value: JsonValue): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`
  if (typeof value === 'object') return `an object with ${Object.keys(value).length} key(s)`
  if (typeof value === 'string') return 'a string'
  if (typeof value === 'bigint') return 'an integer'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number'
  return `a ${typeof value}`
}

/** Pretty JSON (2-space indent) for reading and editing; big integers keep every digit. */
export const formatJson = (value: JsonValue): string => stringifyJson(value, 2) ?? 'null'

/** One-line JSON, shortened for tables. */
export function previewJson(value: JsonValue, max = 60): string {
  const text = stringifyJson(value) ?? 'null'
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

const isInteger = (x: unknown): x is number | bigint => typeof x === 'bigint' || Number.isInteger(x)

/**
 * Deep equality of two JSON values (key order ignored), to send only the fields that changed. An
 * integer is the same whether it came as a `number` or a `bigint`.
 */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    // A cached 1e20 (a number) reads back from its digits as a bigint: still the same value.
    if (!isInteger(a) || !isInteger(b)) return false
    // biome-ignore lint/suspicious/noDoubleEquals: only == compares a bigint with a number by value
    return a == b
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  const at = (o: object, k: string) => (o as Record<string, JsonValue>)[k]
  return ka.every((k) => Object.hasOwn(b, k) && sameJson(at(a, k), at(b, k)))
}
