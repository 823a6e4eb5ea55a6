import type { ValidationIssue } from './constraints.js'
import { requestValidationError } from './errors.js'

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const isSignal = (x: unknown) =>
  isObject(x) && typeof x.aborted === 'boolean' && typeof x.addEventListener === 'function'
const isCount = (x: unknown) =>
  typeof x === 'number' && (Number.isInteger(x) || x === Number.POSITIVE_INFINITY) && x > 0

/** Each option a method may take, and what it must be. */
const RULES: Record<string, [test: (x: unknown) => boolean, message: string]> = {
  signal: [isSignal, 'Input should be an AbortSignal'],
  headers: [isObject, 'Input should be an object of header names to strings'],
  ifExists: [(x) => typeof x === 'boolean', 'Input should be a valid boolean'],
  ifNotExists: [(x) => typeof x === 'boolean', 'Input should be a valid boolean'],
  maxPages: [isCount, 'Input should be a positive integer'],
  concurrency: [isCount, 'Input should be a positive integer'],
}

const issue = (location: Array<string | number>, message: string, input: unknown): ValidationIssue => ({
  location,
  message,
  code: 'options_type',
  context: {},
  input,
})

/**
 * Checks a method's last argument: `undefined`, or an object whose known options have the right
 * types (unknown keys are left alone). Anything else is refused before sending, with
 * `RequestValidationError`, instead of failing later inside with a `TypeError`.
 */
export function checkCallOptions<T extends object>(options: unknown, method: string): T | undefined {
  if (options === undefined) return undefined
  const issues: ValidationIssue[] = []
  if (!isObject(options)) issues.push(issue(['options'], 'Input should be an options object or undefined', options))
  else
    for (const key in options) {
      const rule = RULES[key]
      const value = options[key]
      if (!rule || value === undefined) continue
      if (!rule[0](value)) issues.push(issue(['options', key], rule[1], key === 'signal' ? String(value) : value))
      else if (key === 'headers')
        for (const [name, v] of Object.entries(value as object))
          if (typeof v !== 'string')
            issues.push(issue(['options', 'headers', name], 'Input should be a valid string', v))
    }
  if (issues.length) throw requestValidationError(issues, `options of ${method}`)
  return options as T
}

/** A paginate query must be an object (or absent, where it is optional). */
export function checkQuery(query: unknown, method: string): void {
  if (query !== undefined && !isObject(query))
    throw requestValidationError([issue(['query'], 'Input should be a query object', query)], `query of ${method}`)
}
