/**
 * Checks answers against the OpenAPI document's schemas (`validateResponses: true`). Loaded on
 * demand, so clients that do not validate do not carry the schemas. Which schema an operation
 * answers is read from the document by the row's method and path (`responses`, generated): no
 * list here to keep in step with the operation table.
 */
import type { ValidationIssue } from './constraints.js'
import { schemas as generated, responses, type ResponseSchema as Schema } from './generated/response-schemas.js'
import { operations } from './operations.js'

/**
 * Every response schema of Horizon's OpenAPI document, by name, as JSON Schema objects
 * (generated; `$ref`s name other entries).
 * @example `const hwm = schemas.HWMResponseV1 // { type: 'object', required: [...], properties: {...} }`
 */
export const schemas: Record<string, unknown> = generated

export type { ResponseSchema, RouteAnswer } from './generated/response-schemas.js'
/**
 * The success answer of every route of the OpenAPI document, by `METHOD path` (generated): its
 * status and the schema of its content, none for a 204.
 * @example `responses['GET /v1/hwm/{hwm_id}'] // { status: 200, schema: { $ref: 'HWMResponseV1' } }`
 */
export { responses }

// A bigint is an integer the exact parser kept: it satisfies an integer (or number) schema.
const typeOf = (x: unknown) =>
  x === null ? 'null' : Array.isArray(x) ? 'array' : Number.isInteger(x) || typeof x === 'bigint' ? 'integer' : typeof x

function check(schema: Schema, x: unknown, at: Array<string | number>, out: ValidationIssue[]): void {
  if (schema.$ref) {
    check(generated[schema.$ref]!, x, at, out)
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

const rows = operations as Record<string, { method: string; path: string }>

/**
 * Issues of an operation's answer against the schema its route answers with in the OpenAPI
 * document; `[]` when it matches (or when the route answers nothing, 204); an `unknown_operation`
 * issue for a name that is no operation, or whose route the document does not have. Pass it as
 * `validateResponses` to have the schemas bundled.
 * @example `checkResponse('getHwm', await client.getHwm(5)) // []`
 */
export function checkResponse(operation: string, data: unknown): ValidationIssue[] {
  const row = Object.hasOwn(rows, operation) ? rows[operation] : undefined
  const answer = row && responses[`${row.method} ${row.path}`]
  if (!answer) {
    // A name it does not know is a mistake (a row off the document), not an answer that matches.
    const message = `Unknown operation ${operation}: no response schema`
    return [{ location: ['response'], message, code: 'unknown_operation', context: { operation }, input: data }]
  }
  const out: ValidationIssue[] = []
  if (!answer.schema) return out
  // One of several schemas (whoami: UserResponseV1WithAdmin for a superadmin, UserResponseV1
  // otherwise): the issues of the last when none matches, more telling than "matches none".
  const alternatives = answer.schema.anyOf ?? [answer.schema]
  for (const schema of alternatives) {
    out.length = 0
    check(schema, data, ['response'], out)
    if (!out.length) break
  }
  return out
}
