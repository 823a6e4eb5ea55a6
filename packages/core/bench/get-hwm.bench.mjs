/**
 * Calls per second of `client.getHwm(id)` against bare ofetch and raw fetch + json(), all on the
 * same stubbed fetch, so only the client's own overhead differs. Target: at least 0.9× bare ofetch.
 *
 * Measures the built package (`dist`, what users import). The cases take turns in short rounds, a
 * different case first each round, and each reports its median round: on a shared machine, load and
 * one case's garbage would otherwise be billed to whichever case runs next. (Forcing a collection
 * between turns was tried: it doubles every figure and blurs the ratios.)
 * Run: `pnpm bench` (builds first). `ROUNDS=100 pnpm bench` for tighter figures.
 */
import { ofetch } from 'ofetch'
import { BearerToken, HorizonClient } from '../dist/index.js'

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
/** @type {typeof fetch} */
const stub = async () => new Response(body, { status: 200, headers })

const client = new HorizonClient({ baseUrl: 'http://horizon', fetch: stub, auth: new BearerToken('token') })
const bare = ofetch.create({ baseURL: 'http://horizon' }, { fetch: stub })
const auth = { authorization: 'Bearer token' }

/** @type {Record<string, () => Promise<unknown>>} */
const cases = {
  'raw fetch + json()': async () => (await stub('http://horizon/v1/hwm/5', { headers: auth })).json(),
  'bare ofetch': () => bare('/v1/hwm/5', { headers: auth }),
  // ofetch's own timeout costs an AbortController and a timer per call: the client's timeouts compare to this.
  'bare ofetch with a timeout': () => bare('/v1/hwm/5', { headers: auth, timeout: 5000 }),
  // validation, auth, both timeouts, retry rules, hooks: all on, as by default
  'client.getHwm(5)': () => client.getHwm(5),
  // as TanStack Query calls it: with a signal of the caller's
  'client.getHwm(5, { signal })': () => client.getHwm(5, { signal: new AbortController().signal }),
}

const ROUNDS = Number(process.env.ROUNDS ?? 40)
const CALLS = 1000

/** Microseconds per call over one turn of `CALLS` sequential calls. */
async function turn(/** @type {() => Promise<unknown>} */ call) {
  const started = performance.now()
  for (let i = 0; i < CALLS; i++) await call()
  return ((performance.now() - started) * 1000) / CALLS
}

const names = Object.keys(cases)
/** @type {Record<string, number[]>} */
const samples = Object.fromEntries(names.map((n) => [n, []]))
for (const name of names) for (let i = 0; i < 3; i++) await turn(cases[name]) // warm-up
for (let round = 0; round < ROUNDS; round++) {
  // A different case goes first each round.
  for (let i = 0; i < names.length; i++) {
    const name = names[(round + i) % names.length]
    samples[name].push(await turn(cases[name]))
  }
}

const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const perCall = Object.fromEntries(names.map((n) => [n, median(samples[n])]))
const base = perCall['bare ofetch']
console.log(`getHwm(5) on a stubbed fetch: ${ROUNDS} rounds of ${CALLS} calls, median round`)
console.table(
  Object.fromEntries(
    names.map((n) => [
      n,
      {
        'calls/s': Math.round(1e6 / perCall[n]),
        'µs/call': Number(perCall[n].toFixed(1)),
        '× bare ofetch': Number((base / perCall[n]).toFixed(2)),
        '× raw fetch': Number((perCall['raw fetch + json()'] / perCall[n]).toFixed(2)),
      },
    ]),
  ),
)
const ratio = base / perCall['client.getHwm(5)']
console.log(`client.getHwm: ${ratio.toFixed(2)}× bare ofetch (target ≥ 0.90: ${ratio >= 0.9 ? 'met' : 'NOT met'})`)
