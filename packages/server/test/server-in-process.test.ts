/**
 * In-process use, no socket: `createHorizonApp(...)`'s fetch, through `inProcessFetch`, as the
 * client's `fetch` option. The client's base URL names a host that does not exist and the global
 * fetch throws for the whole file, so any request that left the process would fail the test.
 */
import { HorizonClient, LoginPassword } from '@horizon-ts/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHorizonApp, inProcessFetch } from '../src/app-entry.js'

const BASE = 'http://horizon.invalid' // .invalid never resolves (RFC 2606)
const BIG = 2n ** 63n - 7n // beyond 2^53: a number would lose its last digits

describe('in process: the client on the app, no socket', () => {
  const original = globalThis.fetch
  const network: string[] = []
  beforeAll(() => {
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      network.push(String(input instanceof Request ? input.url : input))
      throw new Error('no network in this test')
    }) as typeof fetch
  })
  afterAll(() => {
    globalThis.fetch = original
    expect(network).toEqual([])
  })

  it('logs in, creates a namespace and an HWM with an int beyond 2^53, and reads it back digit for digit', async () => {
    const app = createHorizonApp({ superadmins: ['admin'] })
    const client = new HorizonClient({
      baseUrl: BASE,
      fetch: inProcessFetch(app),
      auth: new LoginPassword({ login: 'alice', password: 'any-password' }),
      retry: false,
      validateResponses: true,
    })
    expect((await client.whoami()).username).toBe('alice')
    const ns = await client.createNamespace({ name: 'in_process' })
    expect(ns).toMatchObject({ name: 'in_process', owned_by: 'alice' })
    const created = await client.createHwm({ namespace_id: ns.id, name: 'offset', type: 'column_int', value: BIG })
    const read = await client.getHwm(created.id)
    expect(typeof read.value).toBe('bigint')
    expect(String(read.value)).toBe('9223372036854775801')
    expect((await client.paginateHwm({ namespace_id: ns.id })).items.map((h) => h.name)).toEqual(['offset'])

    // The same app answers a plain Request too (Hono's own fetch), with the digits on the wire.
    const token = (await (
      await inProcessFetch(app)(`${BASE}/v1/auth/token`, {
        method: 'POST',
        body: new URLSearchParams({ username: 'alice', password: 'x' }),
      })
    ).json()) as { access_token: string }
    const raw = await app.fetch(
      new Request(`${BASE}/v1/hwm/${created.id}`, { headers: { authorization: `Bearer ${token.access_token}` } }),
    )
    expect(raw.status).toBe(200)
    expect(await raw.text()).toContain('"value":9223372036854775801')
    expect(network).toEqual([])
  })

  it("each app is its own store: a second app does not see the first one's data", async () => {
    const login = new LoginPassword({ login: 'bob', password: 'pw' })
    const one = new HorizonClient({
      baseUrl: BASE,
      fetch: inProcessFetch(createHorizonApp()),
      auth: login,
      retry: false,
    })
    await one.createNamespace({ name: 'only_in_one' })
    const two = new HorizonClient({
      baseUrl: BASE,
      fetch: inProcessFetch(createHorizonApp()),
      auth: new LoginPassword({ login: 'bob', password: 'pw' }),
      retry: false,
    })
    expect((await two.paginateNamespaces({ name: 'only_in_one' })).items).toEqual([])
    expect((await one.paginateNamespaces({ name: 'only_in_one' })).items).toHaveLength(1)
  })
})
