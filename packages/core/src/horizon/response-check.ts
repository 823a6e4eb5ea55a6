/**
 * Checks answers against the OpenAPI document's schemas (`validateResponses: true`). Loaded on
 * demand, so clients that do not validate do not carry the schemas.
 */
import type { ValidationIssue } from './constraints.js'
import { schemas as generated } from './generated/response-schemas.js'

/**
 * Every response schema of Horizon's OpenAPI document, by name, as JSON Schema objects
 * (generated; `$ref`s name other entries).
 * @example `const hwm = schemas.HWMResponseV1 // { type: 'object', required: [...], properties: {...} }`
 */
export const schemas: Record<string, unknown> = generated

interface Schema {
  type?: string
  required?: string[]
  properties?: Record<string, Schema>
  items?: Schema
  anyOf?: Schema[]
  enum?: unknown[]
  const?: unknown
  $ref?: string
}

// A bigint is an integer the exact parser kept: it satisfies an integer (or number) schema.
const typeOf = (x: unknown) =>
  x === null ? 'null' : Array.isArray(x) ? 'array' : Number.isInteger(x) || typeof x === 'bigint' ? 'integer' : typeof x

function check(schema: Schema, x: unknown, at: Array<string | number>, out: ValidationIssue[]): void {
  if (schema.$ref) {
    check(schemas[schema.$ref] as Schema, x, at, out)
    return
  }
  const fail = (code: string, message: string) => out.push({ location: at, message, code, context: {}, input: x })
  if (schema.anyOf) {
    const ok = schema.anyOf.some((s) => {
      const tmp: ValidationIssue[] = []
      check(s, x, at, tmp)
      return tmp.length === 0
    })
    if (!ok) fail('union', 'Input matches none of the allowed schemas')
    return
  }
  const t = typeOf(x)
  if (schema.type && schema.type !== t && !(schema.type === 'number' && t === 'integer'))
    return void fail(`${schema.type}_type`, `Input should be of type ${schema.type}`)
  if (schema.enum && !schema.enum.includes(x))
    return void fail('enum', `Input should be one of ${schema.enum.join(', ')}`)
  if (schema.const !== undefined && schema.const !== x)
    return void fail('literal_error', `Input should be ${schema.const}`)
  if (t === 'array' && schema.items)
    for (const [i, item] of (x as unknown[]).entries()) check(schema.items, item, [...at, i], out)
  if (t === 'object') {
    const obj = x as Record<string, unknown>
    for (const key of schema.required ?? [])
      if (!(key in obj))
        out.push({ location: [...at, key], message: 'Field required', code: 'missing', context: {}, input: obj })
    for (const [key, s] of Object.entries(schema.properties ?? {}))
      if (key in obj) check(s, obj[key], [...at, key], out)
  }
}

/** The OpenAPI schema each operation answers with (operations answering 204 have none). */
export const responseSchemas: Record<string, string> = {
  ping: 'PingResponse',
  login: 'AuthTokenResponseV1',
  whoami: 'UserResponseV1',
  paginateNamespaces: 'PageResponseV1_NamespaceResponseV1_',
  getNamespace: 'NamespaceResponseV1',
  createNamespace: 'NamespaceResponseV1',
  updateNamespace: 'NamespaceResponseV1',
  paginateNamespaceHistory: 'PageResponseV1_NamespaceHistoryResponseV1_',
  paginateHwm: 'PageResponseV1_HWMResponseV1_',
  getHwm: 'HWMResponseV1',
  createHwm: 'HWMResponseV1',
  updateHwm: 'HWMResponseV1',
  bulkCopyHwm: 'HWMListResponseV1',
  getNamespacePermissions: 'PermissionsResponseV1',
  updateNamespacePermissions: 'PermissionsResponseV1',
  paginateHwmHistory: 'PageResponseV1_HWMHistoryResponseV1_',
}

/** The operations that answer 204: nothing to check. */
const NO_CONTENT = new Set(['deleteNamespace', 'deleteHwm', 'bulkDeleteHwm'])

/**
 * Issues of an operation's answer against its OpenAPI schema; `[]` when it matches (or when
 * the operation answers nothing); an `unknown_operation` issue for a name that is no operation. Pass it as `validateResponses` to have the schemas bundled.
 * @example `checkResponse('getHwm', await client.getHwm(5)) // []`
 */
export function checkResponse(operation: string, data: unknown): ValidationIssue[] {
  const schemaName = responseSchemas[operation]
  const out: ValidationIssue[] = []
  if (!schemaName) {
    if (NO_CONTENT.has(operation)) return out
    // A name it does not know is a mistake (a new row without its schema), not an answer that matches.
    const message = `Unknown operation ${operation}: no response schema`
    return [{ location: ['response'], message, code: 'unknown_operation', context: { operation }, input: data }]
  }
  // whoami answers UserResponseV1WithAdmin for a superadmin, UserResponseV1 otherwise
  const names = schemaName === 'UserResponseV1' ? ['UserResponseV1WithAdmin', 'UserResponseV1'] : [schemaName]
  for (const name of names) {
    out.length = 0
    check({ $ref: name }, data, ['response'], out)
    if (!out.length) break
  }
  return out
}
