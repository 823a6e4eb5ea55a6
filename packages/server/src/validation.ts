/**
 * Request validation through the shared constraint table, so the server's 422 items are exactly the
 * ones the client computes. Path, query and body issues are reported together, as FastAPI does.
 */
import type { ValidationIssue } from '@horizon-ts/core'
import { jsonIssues, type Location, type ModelName, validate } from '@horizon-ts/core/constraints'
import { NO_BODY } from './body.js'
import { invalidRequest } from './errors.js'
import { laxInt } from './lax-int.js'
import { numberOf } from './py-json.js'

/** pydantic's lax mode, over bodies whose floats are `PyFloat`s: how Horizon reads every request. */
const LAX = { laxInt, numberOf } as const

/** The models whose `value` is stored, and so must be one Horizon can answer. */
const STORED_VALUE = new Set<ModelName>(['HWMCreateRequestV1', 'HWMUpdateRequestV1'])

/** Collects the issues of several parts of one request, then throws them at once. */
export class Checker {
  readonly issues: ValidationIssue[] = []

  /** The validated value (with defaults applied); check `done()` before trusting it. */
  part<T>(model: ModelName, input: unknown, where: Location): T {
    if (input === NO_BODY || (input === null && where === 'body')) {
      // FastAPI validates a missing body as None, and a JSON `null` body is None too: one `missing`
      // item at ["body"].
      this.issues.push({ location: ['body'], message: 'Field required', code: 'missing', context: {}, input: null })
      return {} as T
    }
    const { value, issues } = validate<T>(model, input, where, LAX)
    for (const issue of issues) this.issues.push(issue) // a spread of a million items overflows the stack
    // After pydantic's own items, as the client appends its JSON checks after the constraint table's.
    // The real Horizon stores a value deeper than 255 levels, then answers 500 to every request
    // whose answer holds it; a value that is not finite (`1e400`) would come back as null.
    if (STORED_VALUE.has(model) && typeof input === 'object' && input !== null && 'value' in input)
      jsonIssues(input.value, ['body', 'value'], this.issues)
    return value
  }

  /** Throws the 422 when any part had issues. */
  done(): void {
    if (this.issues.length) throw invalidRequest(this.issues)
  }
}
