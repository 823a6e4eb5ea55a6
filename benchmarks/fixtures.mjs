/**
 * What the per-call benches share: the body of `GET /v1/hwm/5` as Horizon answers it, its headers,
 * a stubbed fetch answering it without a network, and every client under test built the same way
 * (same base URL, same bearer token, no retries where the library retries by default).
 */
import { BearerToken, HorizonClient } from '@horizon-ts/core'
import ky from 'ky'
import { ofetch } from 'ofetch'
import createClient from 'openapi-fetch'

export const body = JSON.stringify({
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
export const headers = { 'content-type': 'application/json', 'x-request-id': 'r', 'x-application-version': '1.1.3' }

/** A fetch that answers a fresh Response of {@link body} at once. @type {typeof fetch} */
export const stub = async () => new Response(body, { status: 200, headers })

const TOKEN = 'token'
const auth = { authorization: `Bearer ${TOKEN}` }

/**
 * name → one call, for clients on `base` with `fetchImpl` (the stub, or Node's fetch for loopback).
 * "a caller's signal" is a fresh AbortController's per call, as TanStack Query passes one per query.
 */
export function clients(base, fetchImpl) {
  const ours = new HorizonClient({ baseUrl: base, fetch: fetchImpl, auth: new BearerToken(TOKEN) })
  // Without timeouts a request needs no AbortController of its own: the caller's signal goes to fetch as it is.
  const untimed = ours.with({ timeout: false })
  const bare = ofetch.create({ baseURL: base, headers: auth }, { fetch: fetchImpl })
  const kyApi = ky.create({ baseUrl: base, headers: auth, fetch: fetchImpl, retry: 0 })
  /** Typed as an app would type it, with the paths generated from Horizon's OpenAPI document.
   * @type {import('openapi-fetch').Client<import('../packages/core/src/horizon/generated/openapi.ts').paths>} */
  const typed = createClient({ baseUrl: base, headers: auth, fetch: fetchImpl })
  const url = `${base}/v1/hwm/5`
  const signal = () => new AbortController().signal
  return {
    'raw fetch + json()': async () => (await fetchImpl(url, { headers: auth })).json(),
    'raw fetch + json(), fresh signal': async () => (await fetchImpl(url, { headers: auth, signal: signal() })).json(),
    'ofetch, bare': () => bare('/v1/hwm/5'),
    // ofetch's own timeout: an AbortController and a timer per call, as every client with timeouts needs.
    'ofetch, timeout': () => bare('/v1/hwm/5', { timeout: 5000 }),
    'ofetch, signal': () => bare('/v1/hwm/5', { signal: signal() }),
    'ours, defaults': () => ours.getHwm(5),
    'ours, signal': () => ours.getHwm(5, { signal: signal() }),
    'ours, timeout: false': () => untimed.getHwm(5),
    'ours, timeout: false, signal': () => untimed.getHwm(5, { signal: signal() }),
    ky: () => kyApi.get('v1/hwm/5').json(),
    'openapi-fetch (typed)': async () =>
      (await typed.GET('/v1/hwm/{hwm_id}', { params: { path: { hwm_id: 5 } } })).data,
  }
}
