/**
 * The models an operation row checks with are the ones the OpenAPI document gives its route: the
 * same path and query parameters, the same body schema (the rows name them; the rules are generated).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checksOf, type ModelName, models } from '../src/horizon/constraints.js'
import { operations } from '../src/horizon/operations.js'

interface Route {
  parameters?: Array<{ name: string; in: string; required?: boolean }>
  requestBody?: { content: Record<string, { schema: { $ref: string } }> }
}
const spec = JSON.parse(readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Route>>
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> }
}
const fields = (name: ModelName | undefined) =>
  name ? Object.entries(models[name]).map(([k, r]) => [k, 'r' in r]) : []

describe.each(Object.keys(operations))('operation %s', (name) => {
  const row = operations[name as keyof typeof operations]
  const route = spec.paths[row.path]?.[row.method.toLowerCase()] ?? {}
  const checks = checksOf(row.method, row.path)

  it.each(['path', 'query'] as const)('checks its %s parameters with a model of the same fields', (where) => {
    const params = (route.parameters ?? []).filter((p) => p.in === where).map((p) => [p.name, p.required === true])
    expect(fields(checks[where])).toEqual(params)
  })

  it('checks its body with the model of the body schema', () => {
    const [media, content] = Object.entries(route.requestBody?.content ?? {})[0] ?? []
    const schema = content && spec.components.schemas[content.schema.$ref.split('/').pop()!]!
    const expected = schema ? Object.keys(schema.properties).map((k) => [k, schema.required?.includes(k) ?? false]) : []
    expect(fields(media === 'application/json' ? checks.body : checks.form)).toEqual(expected)
    if (media === 'application/json') expect(checks.body).toBe(content?.schema.$ref.split('/').pop())
  })
})
