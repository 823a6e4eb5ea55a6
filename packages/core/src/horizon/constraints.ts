/**
 * The one constraint table of Horizon's requests, shared by the client (refuse before sending)
 * and by `@horizon-ts/server` (answer 422). Messages, codes and contexts are pydantic 2's, as
 * the real Horizon 1.1.3 writes them, so both sides produce identical `details` items.
 */

/** One item of a 422 `details` list (`InvalidRequestBaseErrorSchema`). */
export interface ValidationIssue {
  location: Array<string | number>
  message: string
  code: string
  context: Record<string, unknown>
  input: unknown
}

/** A field rule. `s` string, `i` integer, `b` boolean, `a` any JSON, `l` list of integers, `p` permission items. */
interface Field {
  t: 's' | 'i' | 'b' | 'a' | 'l' | 'p'
  /** required */
  r?: 1
  /** null accepted */
  n?: 1
  min?: number
  max?: number
  gt?: number
  le?: number
  /** regular expression the string must match */
  re?: string
  /** default when absent */
  d?: unknown
}

/** A model: its fields and an optional check of the whole, run when the fields are valid. */
interface Model {
  f: Record<string, Field>
  /** returns [message, location suffix] of a model-level `value_error` */
  check?: (value: Record<string, unknown>) => [string, string?] | undefined
}

const str = (min?: number, max?: number, extra?: Partial<Field>): Field => ({ t: 's', min, max, ...extra })
const int: Field = { t: 'i', r: 1 }
const ids: Field = { t: 'l', r: 1, min: 1 }
const page: Field = { t: 'i', gt: 0, d: 1 }
const pageSize: Field = { t: 'i', gt: 0, le: 50, d: 20 }
const anyFieldSet = (v: Record<string, unknown>): [string] | undefined =>
  Object.keys(v).length ? undefined : ['At least one field must be set.']

/** The namespace roles, lowest first: each grants what the one before it does. */
export const ROLES = ['DEVELOPER', 'MAINTAINER', 'OWNER'] as const

/** Every request model and parameter set of Horizon v1, by the Python schema's name. */
export const models = {
  PaginateNamespacesQuery: { f: { page, page_size: pageSize, name: str(1, 256, { n: 1 }) } },
  PaginateHwmQuery: { f: { page, page_size: pageSize, namespace_id: int, name: str(1, 2048, { n: 1 }) } },
  PaginateHwmHistoryQuery: { f: { page, page_size: pageSize, hwm_id: int } },
  PaginateNamespaceHistoryQuery: { f: { page, page_size: pageSize, namespace_id: int } },
  NamespacePath: { f: { namespace_id: int } },
  HwmPath: { f: { hwm_id: int } },
  LoginForm: {
    f: {
      grant_type: str(undefined, undefined, { n: 1, re: '^password$' }),
      username: str(undefined, undefined, { r: 1 }),
      password: str(undefined, undefined, { r: 1 }),
    },
  },
  NamespaceCreateRequestV1: { f: { name: str(1, 256, { r: 1 }), description: str(undefined, undefined, { d: '' }) } },
  NamespaceUpdateRequestV1: { f: { name: str(1, 256), description: str() }, check: anyFieldSet },
  HWMCreateRequestV1: {
    f: {
      namespace_id: int,
      name: str(1, 2048, { r: 1 }),
      description: str(undefined, undefined, { d: '' }),
      type: str(1, 64, { r: 1 }),
      value: { t: 'a', r: 1 },
      entity: str(undefined, undefined, { n: 1, d: null }),
      expression: str(undefined, undefined, { n: 1, d: null }),
    },
  },
  HWMUpdateRequestV1: {
    f: {
      name: str(1, 2048),
      description: str(),
      type: str(1, 64),
      value: { t: 'a' },
      entity: str(undefined, undefined, { n: 1 }),
      expression: str(undefined, undefined, { n: 1 }),
    },
    check: anyFieldSet,
  },
  HWMBulkCopyRequestV1: {
    f: { source_namespace_id: int, target_namespace_id: int, hwm_ids: ids, with_history: { t: 'b', d: false } },
    check: (v) =>
      v.source_namespace_id === v.target_namespace_id
        ? ['Source and target namespace IDs must not be the same.']
        : undefined,
  },
  HWMBulkDeleteRequestV1: { f: { namespace_id: int, hwm_ids: ids } },
  PermissionsUpdateRequestV1: {
    f: { permissions: { t: 'p', r: 1 } },
    check: (v) => {
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
    },
  },
} satisfies Record<string, Model>

/** A model of the constraint table, such as `'HWMCreateRequestV1'` or `'PaginateHwmQuery'`. */
export type ModelName = keyof typeof models
/** Where a validated input sits in the request; the first item of an issue's `location`. */
export type Location = 'query' | 'path' | 'body' | 'form'

const issue = (
  location: Array<string | number>,
  code: string,
  message: string,
  input: unknown,
  context: Record<string, unknown> = {},
): ValidationIssue => ({ location, message, code, context, input })

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

/** pydantic's lax integer: ints, integral floats and integer strings. */
function toInt(x: unknown, at: Array<string | number>, out: ValidationIssue[]): number | undefined {
  if (typeof x === 'number' && Number.isFinite(x)) {
    if (Number.isInteger(x)) return x
    out.push(issue(at, 'int_from_float', 'Input should be a valid integer, got a number with a fractional part', x))
  } else if (typeof x === 'string') {
    if (/^\s*[-+]?\d+\s*$/.test(x)) return Number(x)
    out.push(issue(at, 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer', x))
  } else out.push(issue(at, 'int_type', 'Input should be a valid integer', x))
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

function checkField(rule: Field, x: unknown, at: Array<string | number>, out: ValidationIssue[]): unknown {
  if (x === null && (rule.n || rule.t === 'a')) return null
  switch (rule.t) {
    case 'a':
      return x
    case 'b': {
      // pydantic's lax booleans: 0/1 and the usual words
      if (typeof x === 'boolean') return x
      const word = typeof x === 'string' ? x.toLowerCase() : x
      if (['1', 'true', 't', 'yes', 'y', 'on', 1].includes(word as string)) return true
      if (['0', 'false', 'f', 'no', 'n', 'off', 0].includes(word as string)) return false
      if (typeof x === 'string' || typeof x === 'number')
        out.push(issue(at, 'bool_parsing', 'Input should be a valid boolean, unable to interpret input', x))
      else out.push(issue(at, 'bool_type', 'Input should be a valid boolean', x))
      return undefined
    }
    case 'i': {
      const n = toInt(x, at, out)
      if (n === undefined) return undefined
      if (rule.gt !== undefined && !(n > rule.gt))
        out.push(issue(at, 'greater_than', `Input should be greater than ${rule.gt}`, x, { gt: rule.gt }))
      else if (rule.le !== undefined && !(n <= rule.le))
        out.push(issue(at, 'less_than_equal', `Input should be less than or equal to ${rule.le}`, x, { le: rule.le }))
      else return n
      return undefined
    }
    case 's': {
      if (typeof x !== 'string') {
        out.push(issue(at, 'string_type', 'Input should be a valid string', x))
        return undefined
      }
      if (!wellFormed(x)) {
        out.push(issue(at, 'string_unicode', UNPAIRED, x))
        return undefined
      }
      const len = codePoints(x, (rule.max ?? Number.POSITIVE_INFINITY) + 1)
      if (rule.min !== undefined && len < rule.min)
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
      else return x
      return undefined
    }
    case 'l':
    case 'p': {
      if (!Array.isArray(x)) {
        out.push(issue(at, 'list_type', 'Input should be a valid list', x))
        return undefined
      }
      if (rule.min !== undefined && x.length < rule.min) {
        // Horizon 1.1.3 checks this in a field validator (its OpenAPI has no minItems): a value_error.
        const message = `Value error, List should have at least ${plural(rule.min, 'item')} after validation, not ${x.length}`
        out.push(issue(at, 'value_error', message, x))
        return undefined
      }
      const before = out.length
      const items = x.map((item, i) =>
        rule.t === 'l' ? toInt(item, [...at, i], out) : permission(item, [...at, i], out),
      )
      return out.length === before ? items : undefined
    }
  }
}

const roleRule: Field = { t: 's', n: 1 }
function permission(x: unknown, at: Array<string | number>, out: ValidationIssue[]): unknown {
  if (!isObject(x)) {
    out.push(
      issue(at, 'model_attributes_type', 'Input should be a valid dictionary or object to extract fields from', x),
    )
    return undefined
  }
  const before = out.length
  let username: unknown
  if (!('username' in x)) out.push(issue([...at, 'username'], 'missing', 'Field required', x))
  else username = checkField({ t: 's' }, x.username, [...at, 'username'], out)
  const role = x.role ?? null
  if (role !== null) {
    checkField(roleRule, role, [...at, 'role'], out)
    if (typeof role === 'string' && !(ROLES as readonly string[]).includes(role)) {
      const expected = "'DEVELOPER', 'MAINTAINER' or 'OWNER'"
      out.push(issue([...at, 'role'], 'enum', `Input should be ${expected}`, role, { expected }))
    }
  }
  return out.length === before ? { username, role } : undefined
}

/**
 * Validates `input` against a model of the table. Returns the value with pydantic's coercions
 * and defaults applied (absent optional fields stay absent), and the issues found, in the
 * server's 422 item shape. `missing` inputs are the whole body for body fields, null elsewhere.
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
): { value: T; issues: ValidationIssue[] } {
  const model: Model = models[name]
  // FastAPI reports form fields under "body", but with a null input when missing.
  const loc = where === 'form' ? 'body' : where
  const out: ValidationIssue[] = []
  const value: Record<string, unknown> = {}
  if (!isObject(input)) {
    out.push(
      issue(
        [loc],
        'model_attributes_type',
        'Input should be a valid dictionary or object to extract fields from',
        input,
      ),
    )
    return { value: value as T, issues: out }
  }
  for (const key in model.f) {
    const rule = model.f[key]!
    const x = input[key]
    if (x === undefined) {
      if (rule.r) out.push(issue([loc, key], 'missing', 'Field required', where === 'body' ? input : null))
      else if (rule.d !== undefined) value[key] = rule.d
      continue
    }
    const v = checkField(rule, x, [loc, key], out)
    if (v !== undefined) value[key] = v
  }
  if (!out.length && model.check) {
    const given = Object.fromEntries(
      Object.keys(model.f)
        .filter((k) => input[k] !== undefined)
        .map((k) => [k, value[k]]),
    )
    const failed = model.check(model.check === anyFieldSet ? given : value)
    if (failed) {
      const [message, field] = failed
      out.push(
        issue(field ? [loc, field] : [loc], 'value_error', `Value error, ${message}`, field ? input[field] : input),
      )
    }
  }
  return { value: value as T, issues: out }
}
