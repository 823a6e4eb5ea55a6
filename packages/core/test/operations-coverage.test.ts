/**
 * Walks the operation table: every row is an operation of the OpenAPI document, has a response
 * schema (or answers 204), a dry run, a TanStack query or mutation that calls it, a React hook, and a
 * handler in the dev server. A row added without one of them fails here, naming the row.
 */
import { readFileSync } from 'node:fs'
import { type HorizonServer, startHorizonServer } from '@horizon-ts/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { horizonMutations, horizonQueries, horizonReads, invalidation } from '../src/entries/query.js'
import { HorizonClient } from '../src/horizon/client.js'
import { type OperationName, operations } from '../src/horizon/operations.js'
import { checkResponse } from '../src/horizon/response-check.js'

const spec = JSON.parse(readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
}
const names = Object.keys(operations) as OperationName[]
const specOf = (name: OperationName) => spec.paths[operations[name].path]?.[operations[name].method.toLowerCase()]

/** The operations the TanStack factories reach: each factory run against a client that records calls. */
async function reachedByFactories(): Promise<Map<OperationName, string>> {
  const client = new HorizonClient({ baseUrl: 'http://127.0.0.1:9' })
  const reached = new Map<OperationName, string>()
  let factory = ''
  // No request: which methods the factories' functions call is all this needs (an own property
  // shadows each method, the generated ones and the hand-written alike).
  const methods = client as unknown as Record<string, unknown>
  for (const name of names)
    methods[name] = async () => {
      reached.set(name, factory)
      return { meta: {}, items: [] }
    }
  const ctx = { signal: new AbortController().signal, pageParam: 1, queryKey: [], meta: undefined, client: {} }
  for (const [name, make] of Object.entries(horizonQueries(client))) {
    factory = `horizonQueries.${name}`
    const options = (make as (...a: unknown[]) => { queryFn: (c: unknown) => Promise<unknown> })(1)
    await options.queryFn(ctx)
  }
  for (const [name, make] of Object.entries(horizonMutations(client))) {
    factory = `horizonMutations.${name}`
    const options = (make as () => { mutationFn: (v: unknown, c: unknown) => Promise<unknown> })()
    // the effects that follow need a QueryClient; the call comes first
    await options.mutationFn(1, ctx).catch(() => undefined)
  }
  return reached
}

/** The client methods the React README's "Every hook" table says its hooks call (readme.test.ts ties rows to exports). */
function methodsOfHooks(): Set<string> {
  const readme = readFileSync(new URL('../../react/README.md', import.meta.url), 'utf8')
  const table = readme.split(/^## /m).find((s) => s.startsWith('Every hook')) ?? ''
  return new Set([...table.matchAll(/client\.(\w+)\(/g)].map((m) => m[1]!))
}

// Reached another way, said here once: the password login is LoginPassword's (and useLogin's).
const NOT_A_QUERY_OR_MUTATION: Partial<Record<OperationName, string>> = {
  login: 'LoginPassword sends it; useLogin calls client.authorize()',
}

let server: HorizonServer
let reached: Map<OperationName, string>
const hookMethods = methodsOfHooks() // read once, not once per operation
beforeAll(async () => {
  server = await startHorizonServer({ port: 0, seed: 'demo' })
  reached = await reachedByFactories()
})
afterAll(() => server?.close())

describe.each(names)('operation %s', (name) => {
  const row = operations[name]

  it('is an operation of the OpenAPI document (method and path)', () => {
    expect(specOf(name), `${row.method} ${row.path}`).toBeDefined()
  })

  it('has a response schema, or answers 204', () => {
    const answers204 = '204' in (specOf(name)?.responses ?? {})
    // a number is no answer of any schema: a known schema reports it, a 204 has nothing to check
    expect(checkResponse(name, 42).length > 0, answers204 ? 'a 204 needs no schema' : 'no schema').toBe(!answers204)
  })

  it('has a dry run that previews its method and path', async () => {
    const client = new HorizonClient({ baseUrl: 'http://127.0.0.1:9' })
    expect(typeof client.dry[name]).toBe('function')
  })

  it('is reached by a TanStack query or mutation factory', () => {
    if (NOT_A_QUERY_OR_MUTATION[name]) return expect(reached.has(name)).toBe(false)
    expect(reached.get(name), 'no factory of horizonQueries / horizonMutations calls it').toBeDefined()
  })

  it('has a React hook: a named one in the React README table, or the generic one of its factory', () => {
    if (NOT_A_QUERY_OR_MUTATION[name]) return
    // useHorizonQuery / useHorizonMutation take every factory of horizonReads / horizonMutations;
    // a read added to the table is usable from React before it gets a named hook.
    const generic = row.read ? Object.values(horizonReads).some((r) => r.operation === name) : name in invalidation
    expect(hookMethods.has(name) || generic, 'no hook calls it').toBe(true)
  })

  it('has a handler in the dev server (its route answers, though not authenticated)', async () => {
    const path = row.path.replace(/\{\w+\}/g, '1')
    const res = await fetch(`${server.url}${path}`, { method: row.method })
    const body = await res.text()
    expect([res.status, body]).not.toEqual([404, '{"detail":"Not Found"}'])
    expect(res.status).not.toBe(405)
  })
})

it('checkResponse says so for a name that is no operation, instead of finding nothing', () => {
  expect(checkResponse('getHwmStats', { any: 'thing' })).toEqual([
    expect.objectContaining({ code: 'unknown_operation', message: expect.stringContaining('getHwmStats') }),
  ])
})
