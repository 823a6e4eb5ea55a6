/**
 * Calls per second of `client.getHwm(id)` against bare ofetch and raw fetch + json(), all on the
 * same stubbed fetch, so only the client's own overhead differs. Read the ratios vitest prints
 * ("x times faster than"): the target is at least 0.9× bare ofetch.
 * Run with `pnpm bench` on a quiet machine: other load skews every figure.
 */
import { ofetch } from 'ofetch'
import { bench, describe } from 'vitest'
import { BearerToken, HorizonClient } from '../src/index.js'

const body = JSON.stringify({
  id: 5,
  namespace_id: 1,
  name: 'orders',
  description: '',
  type: 'column_int',
  value: 123,
  entity: 'db.orders',
  expression: 'id',
  changed_at: '2026-11-22T20:58:05.022471Z',
  changed_by: 'alice',
})
const headers = { 'content-type': 'application/json', 'x-request-id': 'r', 'x-application-version': '1.1.3' }
const stub: typeof fetch = async () => new Response(body, { status: 200, headers })

const client = new HorizonClient({ baseUrl: 'http://horizon', fetch: stub, auth: new BearerToken('token') })
const bare = ofetch.create({ baseURL: 'http://horizon' }, { fetch: stub })

describe('getHwm(5)', () => {
  bench('raw fetch + json()', async () => {
    const res = await stub('http://horizon/v1/hwm/5', { headers: { authorization: 'Bearer token' } })
    await res.json()
  })
  bench('bare ofetch', async () => {
    await bare('/v1/hwm/5', { headers: { authorization: 'Bearer token' } })
  })
  // The client always runs under a timeout, which costs an AbortController per call: this is the
  // like-for-like baseline.
  bench('bare ofetch with a timeout', async () => {
    await bare('/v1/hwm/5', { headers: { authorization: 'Bearer token' }, timeout: 5000 })
  })
  bench('client.getHwm', async () => {
    await client.getHwm(5)
  })
})
