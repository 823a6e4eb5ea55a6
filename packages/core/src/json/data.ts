import { UNPAIRED, type ValidationIssue, wellFormed } from '../horizon/constraints.js'

/**
 * The deepest value the real Horizon 1.1.3 serializes, counting a scalar as one level
 * (`[[…]]` 255 deep, or `{"a": …1}` 254 deep). Deeper values are stored, then every answer
 * that holds them fails with 500 — the namespace's HWM list included — so they never leave us.
 */
export const MAX_JSON_DEPTH = 255
/** The most items one check reports: a hostile value must not make a report many times its size. */
export const MAX_JSON_ISSUES = 1000

type At = Array<string | number>
/** A location built only when an issue needs it: each node links to its parent. */
type Path = { key: string | number; parent: Path } | undefined
const locationOf = (at: At, path: Path): At => {
  const keys: At = []
  for (let p = path; p; p = p.parent) keys.push(p.key)
  return [...at, ...keys.reverse()]
}

/**
 * Reports, into `issues`, what JSON would silently turn into `null`, drop or mangle in `value`:
 * NaN and ±Infinity, functions, symbols, `undefined` in an array, `Map`/`Set`, lone surrogates
 * (strings or keys that are not valid Unicode), circular
 * structures, nesting deeper than `MAX_JSON_DEPTH`. It walks `value` by JSON's own rules
 * (`toJSON`, boxed primitives, own enumerable keys, `undefined` properties left out), so what
 * passes is written by `stringifyJson` exactly — `bigint`, null-prototype objects and class
 * instances included. `depth` is the level of `value` itself (0 for a body whose fields count).
 * Shared by the client (refused before sending) and `@horizon-ts/server` (answered with 422);
 * it stops at `MAX_JSON_ISSUES` items and never walks deeper than the limit.
 * @example
 * ```ts
 * const issues: ValidationIssue[] = []
 * jsonIssues({ max: Math.max() }, ['body', 'value'], issues)
 * issues[0] // { location: ['body', 'value', 'max'], code: 'finite_number', … }
 * ```
 */
export function jsonIssues(value: unknown, loc: At, issues: ValidationIssue[], depth = 1): void {
  const ancestors = new Set<object>()
  const report = (path: Path, code: string, message: string, input: unknown) =>
    issues.push({ location: locationOf(loc, path), message, code, context: {}, input })
  const unrepresentable = (path: Path, what: string, input: unknown) =>
    report(path, 'json_type', `Input is ${what}, which JSON cannot represent`, input)
  const walk = (x: unknown, path: Path, depth: number, key: string): void => {
    if (issues.length >= MAX_JSON_ISSUES) return
    if (depth > MAX_JSON_DEPTH)
      return void report(path, 'json_too_deep', `Value is nested deeper than ${MAX_JSON_DEPTH} levels`, null)
    if (typeof x === 'object' && x !== null && typeof (x as { toJSON?: unknown }).toJSON === 'function')
      x = (x as { toJSON: (key: string) => unknown }).toJSON(key)
    if (x instanceof Number || x instanceof String || x instanceof Boolean) x = x.valueOf()
    switch (typeof x) {
      case 'string':
        if (!wellFormed(x)) report(path, 'string_unicode', UNPAIRED, x)
        return
      case 'boolean':
      case 'bigint':
        return
      case 'number':
        if (!Number.isFinite(x)) report(path, 'finite_number', 'Input should be a finite number', null)
        return
      case 'undefined':
        return void unrepresentable(path, 'undefined', null)
      case 'function':
        return void unrepresentable(path, 'a function', null)
      case 'symbol':
        return void unrepresentable(path, 'a symbol', String(x))
    }
    if (x === null) return
    const obj = x as object
    if (obj instanceof Map || obj instanceof Set)
      return void unrepresentable(path, `a ${obj instanceof Map ? 'Map' : 'Set'}`, null)
    if (ancestors.has(obj))
      return void report(
        path,
        'json_circular',
        'Input refers to itself: JSON cannot represent a circular structure',
        null,
      )
    ancestors.add(obj)
    if (Array.isArray(obj))
      for (let i = 0; i < obj.length; i++) walk(obj[i], { key: i, parent: path }, depth + 1, String(i))
    else
      for (const k of Object.keys(obj)) {
        const v = (obj as Record<string, unknown>)[k]
        if (!wellFormed(k)) report({ key: k, parent: path }, 'string_unicode', UNPAIRED, k)
        // JSON leaves out undefined properties; a function or symbol there is a mistake worth saying.
        if (v !== undefined) walk(v, { key: k, parent: path }, depth + 1, k)
      }
    ancestors.delete(obj)
  }
  walk(value, undefined, depth, '')
}
