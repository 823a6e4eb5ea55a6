/** The HWM value editor's JSON handling: Horizon stores any JSON value. */

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string }

export function parseJson(text: string): ParsedJson {
  if (!text.trim())
    return { ok: false, message: 'Enter a JSON value, for example 42, "2024-01-31" or [1, 2] (null too).' }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (e) {
    return { ok: false, message: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` }
  }
}

/** What the value is, in words, to confirm the editor read it as intended. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`
  if (typeof value === 'object') return `an object with ${Object.keys(value).length} key(s)`
  if (typeof value === 'string') return 'a string'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number'
  return `a ${typeof value}`
}

/** Pretty JSON for reading and editing. */
export const formatJson = (value: unknown): string => JSON.stringify(value, null, 2) ?? 'null'

/** One-line JSON, shortened for tables. */
export function previewJson(value: unknown, max = 60): string {
  const text = JSON.stringify(value) ?? 'null'
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** Deep equality of two JSON values (key order ignored), to send only the fields that changed. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}
