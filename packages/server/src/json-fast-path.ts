/**
 * Whether `JSON.stringify` writes `x` exactly as `writePyJson` does: no float, no `bigint`, no
 * integer from 1e21 up, no `toJSON`, no boxed primitive, no object with a key order of its own (a
 * symbol-tagged one, or integer-like keys, which JavaScript reorders). Most answers are such (ids,
 * names, timestamps, integer marks), and the native writer is several times faster than a
 * JavaScript one: a page of 50 HWMs is most of a list request's cost.
 */

const INTEGER_KEY = /^(?:0|[1-9]\d*)$/
/** Deeper than this, the careful writer takes over (it does not recurse). */
const MAX_DEPTH = 64

export function nativeWritable(x: unknown, depth = 0): boolean {
  switch (typeof x) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isInteger(x) && Math.abs(x) < 1e21
    case 'object':
      break
    default:
      return false // bigint, undefined, functions, symbols
  }
  if (x === null) return true
  if (depth >= MAX_DEPTH) return false
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) if (!nativeWritable(x[i], depth + 1)) return false
    return true
  }
  const proto = Object.getPrototypeOf(x)
  if ((proto !== Object.prototype && proto !== null) || Object.getOwnPropertySymbols(x).length) return false
  for (const key in x) {
    if (INTEGER_KEY.test(key)) return false
    if (!nativeWritable((x as Record<string, unknown>)[key], depth + 1)) return false
  }
  return true
}
