/**
 * What a stored value may not be, and how much of an input a 422 echoes.
 *
 * The real Horizon 1.1.3 stores a value nested deeper than 255 levels, then answers 500 to every
 * request whose answer holds it (the namespace's HWM list included): we refuse it, with the item the
 * client computes for the same value (`jsonIssues` of `@horizon-ts/core`, not on a public entry).
 * A value that is not a finite number (`1e400` parses to Infinity) would come back as `null`: refused too.
 */
import type { ValidationIssue } from '@horizon-ts/core'

/** The deepest value Horizon serializes, a scalar counting as one level (`[[…]]` 255 deep, `{"a": …1}` 254 deep). */
export const MAX_JSON_DEPTH = 255

type At = Array<string | number>

/** The most items a 422 lists: pydantic lists every one, but a hostile body would make an answer 100 times its size. */
export const MAX_DETAILS = 1000

/** A location built only when an issue needs it: each node links to its parent. */
type Path = { key: string | number; parent: Path | undefined } | undefined
const locationOf = (at: At, path: Path): At => {
  const keys: At = []
  for (let p = path; p; p = p.parent) keys.push(p.key)
  return [...at, ...keys.reverse()]
}

/**
 * Appends to `issues` one `json_too_deep` item per point of `value` deeper than `MAX_JSON_DEPTH`
 * (`value` itself at level 1) and one `finite_number` per number that is not finite, until
 * `issues` holds `MAX_DETAILS` items. Walks no deeper than the limit, so any nesting is safe.
 */
export function valueIssues(value: unknown, at: At, issues: ValidationIssue[]): void {
  const walk = (x: unknown, path: Path, depth: number): void => {
    if (issues.length >= MAX_DETAILS) return
    if (depth > MAX_JSON_DEPTH) {
      issues.push({
        location: locationOf(at, path),
        message: `Value is nested deeper than ${MAX_JSON_DEPTH} levels`,
        code: 'json_too_deep',
        context: {},
        input: null,
      })
      return
    }
    if (typeof x === 'number' && !Number.isFinite(x))
      issues.push({
        location: locationOf(at, path),
        message: 'Input should be a finite number',
        code: 'finite_number',
        context: {},
        input: null,
      })
    if (typeof x !== 'object' || x === null) return
    if (Array.isArray(x)) for (let i = 0; i < x.length; i++) walk(x[i], { key: i, parent: path }, depth + 1)
    else for (const key in x) walk((x as Record<string, unknown>)[key], { key, parent: path }, depth + 1)
  }
  walk(value, undefined, 1)
}

/** JSON characters of input all echoes of one 422 may hold together; the rest are excerpts. */
export const ECHO_BUDGET = 64 * 1024
/** Characters of an excerpt, before its `…`. */
export const EXCERPT_LENGTH = 256

/**
 * The size of `x` as JSON text (strings counted unescaped), or Infinity once it passes `limit` or
 * nests deeper than `MAX_JSON_DEPTH`: it stops there, whatever the size of the rest.
 */
function jsonSize(x: unknown, limit: number, depth = 1): number {
  if (depth > MAX_JSON_DEPTH) return Number.POSITIVE_INFINITY
  if (typeof x === 'string') return x.length + 2
  if (typeof x !== 'object' || x === null) return String(x).length
  let size = 2
  const add = (item: unknown, keyLength: number) => {
    size += 1 + keyLength + jsonSize(item, limit - size, depth + 1)
    return size > limit
  }
  if (Array.isArray(x)) {
    for (const item of x) if (add(item, 0)) return Number.POSITIVE_INFINITY
  } else
    for (const key in x) if (add((x as Record<string, unknown>)[key], key.length + 3)) return Number.POSITIVE_INFINITY
  return size
}

/**
 * The first `EXCERPT_LENGTH` characters of `x` and a `…`: of the string itself, or of its JSON text.
 * Writes no more than that, so a huge or deeply nested input costs no more than a small one.
 */
export function excerpt(x: unknown): string {
  if (typeof x === 'string') return `${[...x.slice(0, 2 * EXCERPT_LENGTH)].slice(0, EXCERPT_LENGTH).join('')}…`
  let out = ''
  const full = () => out.length >= EXCERPT_LENGTH
  const write = (v: unknown): void => {
    if (full()) return
    if (typeof v === 'string') out += JSON.stringify(v.slice(0, EXCERPT_LENGTH))
    else if (typeof v !== 'object' || v === null) out += String(v)
    else if (Array.isArray(v)) {
      out += '['
      for (let i = 0; i < v.length && !full(); i++) {
        if (i) out += ','
        write(v[i])
      }
      out += ']'
    } else {
      out += '{'
      let first = true
      for (const key in v) {
        if (full()) break
        out += `${first ? '' : ','}${JSON.stringify(key.slice(0, EXCERPT_LENGTH))}:`
        first = false
        write((v as Record<string, unknown>)[key])
      }
      out += '}'
    }
  }
  write(x)
  return `${out.slice(0, EXCERPT_LENGTH)}…`
}

/**
 * The issues with their inputs echoed as pydantic echoes them while the answer's echoes stay within
 * `ECHO_BUDGET` JSON characters (and `MAX_JSON_DEPTH` levels); an input past that is replaced by its
 * `excerpt`, a string; only the first `MAX_DETAILS` items are kept. A huge body never comes back in full.
 */
export function boundEchoes(issues: readonly ValidationIssue[]): ValidationIssue[] {
  let left = ECHO_BUDGET
  return issues.slice(0, MAX_DETAILS).map((issue) => {
    const size = jsonSize(issue.input, left)
    if (size <= left) {
      left -= size
      return issue
    }
    return { ...issue, input: excerpt(issue.input) }
  })
}
