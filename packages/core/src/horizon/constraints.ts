/**
 * Horizon's request constraints, shared by the client (refuse before sending) and by
 * `@horizon-ts/server` (answer 422). The field rules are generated from the OpenAPI document
 * (`generated/request-models.ts`); what the document does not say, Horizon 1.1.3's own validators,
 * is the overlay below, in words. Messages, codes and contexts are pydantic 2's, as the real
 * Horizon 1.1.3 writes them, so both sides produce identical `details` items.
 */
import { type FieldRule, requestChecks, requestModels } from './generated/request-models.js'
import type { OperationName, Operations } from './operations.js'

/** One item of a 422 `details` list (`InvalidRequestBaseErrorSchema`). */
export interface ValidationIssue {
  location: Array<string | number>
  message: string
  code: string
  context: Record<string, unknown>
  input: unknown
}

/**
 * Every request model and parameter set of Horizon v1, by name, with its fields' rules as the
 * OpenAPI document states them (generated; bodies keep their schema's name). Read a limit in
 * words with `limits()`.
 */
export const models = requestModels

/** A model of the constraint table, such as `'HWMCreateRequestV1'` or `'PaginateHwmQuery'`. */
export type ModelName = keyof typeof models
/** Where a validated input sits in the request; the first item of an issue's `location`. */
export type Location = 'query' | 'path' | 'body' | 'form'

/**
 * The models that check a route's path, query, body and form, as the OpenAPI document gives them
 * (generated): an operation row needs only its method and path.
 * @example `checksOf('PATCH', '/v1/hwm/{hwm_id}') // { path: 'HwmPath', body: 'HWMUpdateRequestV1' }`
 */
export const checksOf = (method: string, path: string): Partial<Record<Location, ModelName>> =>
  (requestChecks as Record<string, Partial<Record<Location, ModelName>>>)[`${method} ${path}`] ?? {}

/** The checks of every route, by `METHOD path` (literal types: the dev server types its handlers' inputs by them). */
export type RequestChecks = typeof requestChecks

type RouteOf<K extends OperationName> = `${Operations[K]['method']} ${Operations[K]['path']}`
/** The checks of operation `K`'s route, as literal types. */
export type ChecksOf<K extends OperationName> =
  RouteOf<K> extends keyof RequestChecks ? RequestChecks[RouteOf<K>] : never

/**
 * The namespace roles, lowest first: each grants what the one before it does (the document's
 * enum, which Horizon declares in that order).
 */
export const ROLES = models.PermissionUpdateRequestItemV1.role.in

/** What Horizon 1.1.3 checks beyond the OpenAPI document, for one model. */
interface Overlay {
  /** Horizon's model validator, run when every field is valid: the message of its `value_error`, and the field it is about (none: the whole model). */
  check?: (value: Record<string, unknown>, given: string[]) => [message: string, field?: string] | undefined
  /** lists a field validator requires non-empty (the document has no `minItems`): a `value_error` */
  nonEmptyLists?: string[]
  /** optional fields that read as null when absent (the document states no default) */
  nullWhenAbsent?: string[]
}

const atLeastOneField: Overlay['check'] = (_, given) => (given.length ? undefined : ['At least one field must be set.'])
const sourceIsNotTarget: Overlay['check'] = (v) =>
  v.source_namespace_id === v.target_namespace_id
    ? ['Source and target namespace IDs must not be the same.']
    : undefined
const oneEntryPerUserAndOneOwner: Overlay['check'] = (v) => {
  const seen = new Set<string>()
  let owners = 0
  for (const { username, role } of v.permissions as Array<{ username: string; role: string | null }>) {
    if (seen.has(username))
      return [`Duplicate username detected: ${username}. Each username must appear only once.`, 'permissions']
    seen.add(username)
    if (role === 'OWNER') owners++
  }
  return owners > 1
    ? ['Multiple owner role assignments detected. Only one owner can be assigned.', 'permissions']
    : undefined
}

/** The overlay: by model, what the document does not state. */
const overlay: Partial<Record<ModelName, Overlay>> = {
  NamespaceUpdateRequestV1: { check: atLeastOneField },
  HWMCreateRequestV1: { nullWhenAbsent: ['entity', 'expression'] },
  HWMUpdateRequestV1: { check: atLeastOneField },
  HWMBulkCopyRequestV1: { nonEmptyLists: ['hwm_ids'], check: sourceIsNotTarget },
  HWMBulkDeleteRequestV1: { nonEmptyLists: ['hwm_ids'] },
  PermissionUpdateRequestItemV1: { nullWhenAbsent: ['role'] },
  PermissionsUpdateRequestV1: { check: oneEntryPerUserAndOneOwner },
}

/** A field's limits in the OpenAPI document's words (what is not set is absent). */
export interface FieldLimits {
  required: boolean
  nullable: boolean
  minLength?: number
  maxLength?: number
  exclusiveMinimum?: number
  maximum?: number
  pattern?: string
  enum?: readonly string[]
  default?: unknown
}

/**
 * The limits the OpenAPI document sets on a field of a request model, in its words.
 * @example `limits('HWMCreateRequestV1', 'name').maxLength // 2048`
 */
export function limits<M extends ModelName>(model: M, field: keyof (typeof models)[M] & string): FieldLimits {
  const rule = (models[model] as Record<string, FieldRule>)[field]!
  const out: FieldLimits = { required: rule.r === 1, nullable: rule.n === 1 }
  const words = {
    minLength: rule.min,
    maxLength: rule.max,
    exclusiveMinimum: rule.gt,
    maximum: rule.le,
    pattern: rule.re,
    enum: rule.in,
    default: rule.d,
  }
  for (const [word, v] of Object.entries(words)) if (v !== undefined) Object.assign(out, { [word]: v })
  return out
}

const issue = (
  location: Array<string | number>,
  code: string,
  message: string,
  input: unknown,
  context: Record<string, unknown> = {},
): ValidationIssue => ({ location, message, code, context, input })

/**
 * How {@link validate} reads its input. The client leaves both off: it validates the typed inputs it
 * is about to send. `@horizon-ts/server` reads requests as the real Horizon does.
 */
export interface ValidateOptions {
  /**
   * A reading of integer inputs the strict rules refuse (pydantic 2's lax mode, as
   * `@horizon-ts/server` reads requests): the integer it stands for, `'not finite'` (a
   * `finite_number` issue), `'refused'` (an `int_parsing` issue), or undefined to leave the input to
   * the strict rules. Kept out of the client, which validates the typed inputs it sends.
   */
  laxInt?: (x: unknown) => number | bigint | 'not finite' | 'refused' | undefined
  /**
   * The number an input stands for when a parser keeps numbers in its own form (a float that
   * remembers it was one), else undefined. Such an input is read as that number, and echoed as given.
   */
  numberOf?: (x: unknown) => number | undefined
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

/** pydantic's integer: ints, integral floats and integer strings (and what {@link ValidateOptions.laxInt} reads). */
function toInt(
  x: unknown,
  at: Array<string | number>,
  out: ValidationIssue[],
  o: ValidateOptions,
): number | bigint | undefined {
  const lax = o.laxInt?.(x)
  if (lax === 'not finite') out.push(issue(at, 'finite_number', 'Input should be a finite number', x))
  else if (lax === 'refused')
    out.push(issue(at, 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer', x))
  else if (lax !== undefined) return lax
  else {
    const n = typeof x === 'number' ? x : o.numberOf?.(x)
    if (n !== undefined && Number.isFinite(n)) {
      if (Number.isInteger(n)) return n
      out.push(issue(at, 'int_from_float', 'Input should be a valid integer, got a number with a fractional part', x))
    } else if (typeof x === 'string') {
      if (/^\s*[-+]?\d+\s*$/.test(x)) return Number(x)
      out.push(issue(at, 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer', x))
    } else out.push(issue(at, 'int_type', 'Input should be a valid integer', x))
  }
  return undefined
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
/**
 * Whether `x` is valid Unicode: a lone surrogate has no UTF-8 form, so a URL or a body would carry
 * U+FFFD in its place (another name than the caller's) or a value the server cannot store.
 */
export const wellFormed = (x: string): boolean => {
  const own = (x as { isWellFormed?: () => boolean }).isWellFormed
  return typeof own === 'function' ? own.call(x) : !LONE_SURROGATE.test(x)
}
/** pydantic's words for a string that is not valid Unicode. */
export const UNPAIRED = 'Input should be a valid string, unable to parse raw data as a unicode string'

/**
 * pydantic counts characters as code points. Counted in place, and only up to `stop`: spreading a
 * 50 MB string into an array to measure it cost over a gigabyte.
 */
function codePoints(x: string, stop: number): number {
  let n = 0
  for (let i = 0; i < x.length && n < stop; i++, n++) {
    const c = x.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = x.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
  }
  return n
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function checkField(
  rule: FieldRule,
  x: unknown,
  at: Array<string | number>,
  where: Location,
  out: ValidationIssue[],
  o: ValidateOptions,
  nonEmpty?: boolean,
): unknown {
  if (x === null && (rule.n || !(rule.t || rule.m))) return null
  if (rule.m) {
    const before = out.length
    const v = checkModel(rule.m as ModelName, x, at, where, out, o)
    return out.length === before ? v : undefined
  }
  switch (rule.t) {
    case undefined:
      return x
    case 'b': {
      // pydantic's lax booleans: 0/1 and the usual words
      if (typeof x === 'boolean') return x
      const word = typeof x === 'string' ? x.toLowerCase() : (o.numberOf?.(x) ?? x)
      if (['1', 'true', 't', 'yes', 'y', 'on', 1].includes(word as string)) return true
      if (['0', 'false', 'f', 'no', 'n', 'off', 0].includes(word as string)) return false
      if (typeof x === 'string' || typeof x === 'number' || o.numberOf?.(x) !== undefined)
        out.push(issue(at, 'bool_parsing', 'Input should be a valid boolean, unable to interpret input', x))
      else out.push(issue(at, 'bool_type', 'Input should be a valid boolean', x))
      return undefined
    }
    case 'i': {
      const n = toInt(x, at, out, o)
      if (n === undefined) return undefined
      if (rule.gt !== undefined && !(n > rule.gt))
        out.push(issue(at, 'greater_than', `Input should be greater than ${rule.gt}`, x, { gt: rule.gt }))
      else if (rule.le !== undefined && !(n <= rule.le))
        out.push(issue(at, 'less_than_equal', `Input should be less than or equal to ${rule.le}`, x, { le: rule.le }))
      else return n
      return undefined
    }
    case 's': {
      const before = out.length
      if (typeof x === 'string') {
        const len = codePoints(x, (rule.max ?? Number.POSITIVE_INFINITY) + 1)
        if (!wellFormed(x)) out.push(issue(at, 'string_unicode', UNPAIRED, x))
        else if (rule.min !== undefined && len < rule.min)
          out.push(
            issue(at, 'string_too_short', `String should have at least ${plural(rule.min, 'character')}`, x, {
              min_length: rule.min,
            }),
          )
        else if (rule.max !== undefined && len > rule.max)
          out.push(
            issue(at, 'string_too_long', `String should have at most ${plural(rule.max, 'character')}`, x, {
              max_length: rule.max,
            }),
          )
        else if (rule.re && !new RegExp(rule.re).test(x))
          out.push(
            issue(at, 'string_pattern_mismatch', `String should match pattern '${rule.re}'`, x, { pattern: rule.re }),
          )
      } else if (!rule.in) {
        // an enum field (a str Enum in Horizon) answers any other input with its enum error, below
        out.push(issue(at, 'string_type', 'Input should be a valid string', x))
        return undefined
      }
      if (rule.in && !rule.in.includes(x as string)) {
        // pydantic's words for an enum: 'A', 'B' or 'C'
        const expected = rule.in
          .map((v) => `'${v}'`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1')
        out.push(issue(at, 'enum', `Input should be ${expected}`, x, { expected }))
      }
      return out.length === before ? x : undefined
    }
    case 'l': {
      // Horizon's field validator runs `len(v)` before pydantic's list check: an empty string or
      // object is the same value_error as an empty list.
      if (nonEmpty && (x === '' || (isObject(x) && !Object.keys(x).length))) {
        out.push(issue(at, 'value_error', 'Value error, List should have at least 1 item after validation, not 0', x))
        return undefined
      }
      if (!Array.isArray(x)) {
        out.push(issue(at, 'list_type', 'Input should be a valid list', x))
        return undefined
      }
      if (nonEmpty && !x.length) {
        // Horizon 1.1.3 checks this in a field validator (its OpenAPI has no minItems): a value_error.
        out.push(issue(at, 'value_error', 'Value error, List should have at least 1 item after validation, not 0', x))
        return undefined
      }
      const before = out.length
      const items = x.map((item, i) => checkField(rule.of!, item, [...at, i], where, out, o))
      return out.length === before ? items : undefined
    }
  }
}

/** Checks an object against a model: the value of its valid fields, with coercions and defaults (undefined when no object). */
function checkModel(
  name: ModelName,
  input: unknown,
  at: Array<string | number>,
  where: Location,
  out: ValidationIssue[],
  o: ValidateOptions,
): Record<string, unknown> | undefined {
  if (!isObject(input) || o.numberOf?.(input) !== undefined) {
    out.push(
      issue(at, 'model_attributes_type', 'Input should be a valid dictionary or object to extract fields from', input),
    )
    return undefined
  }
  const fields = models[name] as Record<string, FieldRule>
  const extra = overlay[name] ?? {}
  const before = out.length
  const value: Record<string, unknown> = {}
  for (const key in fields) {
    const rule = fields[key]!
    const x = input[key]
    if (x === undefined) {
      if (rule.r) out.push(issue([...at, key], 'missing', 'Field required', where === 'body' ? input : null))
      else if (rule.d !== undefined) value[key] = rule.d
      else if (extra.nullWhenAbsent?.includes(key)) value[key] = null
      continue
    }
    const v = checkField(rule, x, [...at, key], where, out, o, extra.nonEmptyLists?.includes(key))
    if (v !== undefined) value[key] = v
  }
  if (out.length === before && extra.check) {
    const failed = extra.check(
      value,
      Object.keys(fields).filter((k) => input[k] !== undefined),
    )
    if (failed) {
      const [message, field] = failed
      out.push(
        issue(field ? [...at, field] : at, 'value_error', `Value error, ${message}`, field ? input[field] : input),
      )
    }
  }
  return value
}

/**
 * Validates `input` against a model of the table. Returns the value with pydantic's coercions
 * and defaults applied (absent optional fields stay absent), and the issues found, in the
 * server's 422 item shape. `missing` inputs are the whole body for body fields, null elsewhere.
 * `options` (see {@link ValidateOptions}) give the server pydantic's lax reading; the client keeps the default.
 * @example
 * ```ts
 * const { value, issues } = validate('PaginateHwmQuery', { namespace_id: '1' }, 'query')
 * // value: { page: 1, page_size: 20, namespace_id: 1 }, issues: []
 * ```
 */
export function validate<T = Record<string, unknown>>(
  name: ModelName,
  input: unknown,
  where: Location,
  options: ValidateOptions = {},
): { value: T; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = []
  // FastAPI reports form fields under "body", but with a null input when missing.
  const value = checkModel(name, input, [where === 'form' ? 'body' : where], where, issues, options)
  return { value: (value ?? {}) as T, issues }
}
