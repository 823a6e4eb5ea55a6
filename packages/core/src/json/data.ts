import type { ValidationIssue } from '../horizon/constraints.js'

/**
 * The deepest value the real Horizon 1.1.3 serializes, counting a scalar as one level
 * (`[[…]]` 255 deep, or `{"a": …1}` 254 deep). Deeper values are stored, then every answer
 * that holds them fails with 500 — the namespace's HWM list included — so they never leave us.
 */
export const MAX_JSON_DEPTH = 255

type At = Array<string | number>
const problem = (loc: At, code: string, message: string, input: unknown): ValidationIssue => ({
  location: loc,
  message,
  code,
  context: {},
  input,
})
const unrepresentable = (loc: At, what: string, input: unknown) =>
  problem(loc, 'json_type', `Input is ${what}, which JSON cannot represent`, input)

/**
 * Reports, into `issues`, what JSON would silently turn into `null`, drop or mangle in `value`:
 * NaN and ±Infinity, functions, symbols, `undefined` in an array, `Map`/`Set`, circular
 * structures, nesting deeper than `MAX_JSON_DEPTH`. It walks `value` by JSON's own rules
 * (`toJSON`, boxed primitives, own enumerable keys, `undefined` properties left out), so what
 * passes is written by `stringifyJson` exactly — `bigint`, null-prototype objects and class
 * instances included. `depth` is the level of `value` itself (0 for a body whose fields count).
 */
export function jsonIssues(value: unknown, loc: At, issues: ValidationIssue[], depth = 1): void {
  const ancestors = new Set<object>()
  const walk = (x: unknown, at: At, depth: number, key: string): unknown => {
    if (depth > MAX_JSON_DEPTH) {
      issues.push(problem(at, 'json_too_deep', `Value is nested deeper than ${MAX_JSON_DEPTH} levels`, undefined))
      return undefined
    }
    if (typeof x === 'object' && x !== null && typeof (x as { toJSON?: unknown }).toJSON === 'function')
      x = (x as { toJSON: (key: string) => unknown }).toJSON(key)
    if (x instanceof Number || x instanceof String || x instanceof Boolean) x = x.valueOf()
    switch (typeof x) {
      case 'string':
      case 'boolean':
      case 'bigint':
        return undefined
      case 'number':
        if (Number.isFinite(x)) return undefined
        issues.push(problem(at, 'finite_number', 'Input should be a finite number', x))
        return undefined
      case 'undefined':
        issues.push(unrepresentable(at, 'undefined', undefined))
        return undefined
      case 'function':
        issues.push(unrepresentable(at, 'a function', undefined))
        return undefined
      case 'symbol':
        issues.push(unrepresentable(at, 'a symbol', String(x)))
        return undefined
    }
    if (x === null) return undefined
    const obj = x as object
    if (obj instanceof Map || obj instanceof Set) {
      issues.push(unrepresentable(at, `a ${obj instanceof Map ? 'Map' : 'Set'}`, undefined))
      return undefined
    }
    if (ancestors.has(obj)) {
      issues.push(
        problem(at, 'json_circular', 'Input refers to itself: JSON cannot represent a circular structure', undefined),
      )
      return undefined
    }
    ancestors.add(obj)
    if (Array.isArray(obj)) for (let i = 0; i < obj.length; i++) walk(obj[i], [...at, i], depth + 1, String(i))
    else
      for (const k of Object.keys(obj)) {
        const v = (obj as Record<string, unknown>)[k]
        // JSON leaves out undefined properties; a function or symbol there is a mistake worth saying.
        if (v !== undefined) walk(v, [...at, k], depth + 1, k)
      }
    ancestors.delete(obj)
    return undefined
  }
  walk(value, loc, depth, '')
}
