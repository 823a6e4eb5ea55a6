/**
 * How much of an input a 422 echoes: pydantic echoes every input whole, but a hostile body would
 * make an answer many times its size. (What a stored value may not be is the client's own rule,
 * `jsonIssues` of `@horizon-ts/core/constraints`.)
 */
import type { ValidationIssue } from '@horizon-ts/core'
import { MAX_JSON_DEPTH, MAX_JSON_ISSUES } from '@horizon-ts/core/constraints'
import { PyFloat, pydanticFloat } from './py-json.js'

/** The most items a 422 lists. */
export const MAX_DETAILS = MAX_JSON_ISSUES

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
  if (x instanceof PyFloat) return pydanticFloat(x.value).length
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
    else if (v instanceof PyFloat) out += pydanticFloat(v.value)
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
