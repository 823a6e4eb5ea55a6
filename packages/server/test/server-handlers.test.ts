/**
 * The server implements the operation table: one handler per row, checked by the compiler, routed
 * in FastAPI's order, and each route run as FastAPI runs it (body, then auth, then validation).
 */
import { readFileSync } from 'node:fs'
import { type OperationName, operations } from '@horizon-ts/core'
import { checksOf } from '@horizon-ts/core/constraints'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '../src/handler-types.js'
import { handlers } from '../src/handlers/index.js'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { ROUTE_ORDER } from '../src/routes/index.js'
import { call, login } from './server-helpers.js'

const names = Object.keys(operations) as OperationName[]

describe('the handler table', () => {
  it('has one handler per operation, and no other', () => {
    expect(Object.keys(handlers).sort()).toEqual([...names].sort())
  })

  it('is checked by the compiler: a handler missing, misspelled or answering another type does not compile', () => {
    const { getHwm, ...withoutGetHwm } = handlers
    // @ts-expect-error getHwm is missing
    const missing: Handlers = withoutGetHwm
    // @ts-expect-error getHWM is no operation
    const misspelled = { ...handlers, getHWM: getHwm } satisfies Handlers
    // @ts-expect-error getHwm answers an HWM, not a namespace list
    const wrongAnswer: Handlers = { ...handlers, getHwm: handlers.paginateNamespaces }
    expect([missing, misspelled, wrongAnswer]).toHaveLength(3) // used, so the lines stay
  })

  it('routes in the order of the table, which follows the paths of the OpenAPI document and their methods', () => {
    expect(ROUTE_ORDER).toEqual(names)
    const spec = JSON.parse(readFileSync(new URL('../../core/openapi/openapi.json', import.meta.url), 'utf8')) as {
      paths: Record<string, Record<string, unknown>>
    }
    const specOrder = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    )
    const paths: string[] = [...new Set(names.map((name) => operations[name].path))]
    expect(paths).toEqual([...new Set(specOrder.map((r) => r.split(' ')[1]!))].filter((p) => paths.includes(p)))
    for (const path of paths) {
      const methods = names.filter((name) => operations[name].path === path).map((name) => operations[name].method)
      expect(methods, path).toEqual(specOrder.filter((r) => r.endsWith(` ${path}`)).map((r) => r.split(' ')[0]))
    }
  })
})

describe('a route of the table', () => {
  let server: HorizonServer
  let token: string
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0, seed: 'empty' })
    token = await login(server.url, 'alice')
  })
  afterAll(() => server.close())

  /** The row's path with every parameter invalid ('abc'), an invalid page, and an invalid body. */
  const badRequest = (name: OperationName, withToken: boolean) => {
    const row = operations[name]
    return call(`${server.url}${row.path.replace(/\{\w+\}/g, 'abc')}?page=abc`, {
      method: row.method,
      token: withToken ? token : undefined,
      json: row.method === 'GET' ? undefined : [],
    })
  }
  const authenticated = names.filter((name) => operations[name].auth !== false)
  const validated = authenticated.filter(
    (name) => Object.keys(checksOf(operations[name].method, operations[name].path)).length > 0,
  )

  it.each(authenticated)('%s: authenticates before it validates (no token and bad input: 401)', async (name) => {
    const res = await badRequest(name, false)
    expect(res.status, res.text).toBe(401)
    expect(res.body.error.message).toBe('Not authenticated')
  })

  it.each(validated)('%s: validates what its row checks, with a token (422)', async (name) => {
    const res = await badRequest(name, true)
    expect(res.status, res.text).toBe(422)
    const parts = new Set(res.body.error.details.map((issue: { location: string[] }) => issue.location[0]))
    expect([...parts].sort()).toEqual(Object.keys(checksOf(operations[name].method, operations[name].path)).sort())
  })

  it('reports the path and the body in one 422, the missing body as one item', async () => {
    const res = await call(`${server.url}/v1/namespaces/abc`, { method: 'PATCH', token })
    expect(res.status).toBe(422)
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ location: ['path', 'namespace_id'], code: 'int_parsing' }),
      { location: ['body'], message: 'Field required', code: 'missing', context: {}, input: null },
    ])
  })

  it('decodes the body before it authenticates (malformed JSON without a token: 422)', async () => {
    const res = await call(`${server.url}/v1/hwm/`, {
      method: 'POST',
      body: '{"name":',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(422)
    expect(res.body.error.details[0].code).toBe('json_invalid')
  })
})
