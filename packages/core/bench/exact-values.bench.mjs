/**
 * What exact values cost per call: `client.paginateHwm` of a 50-HWM page whose values are int64
 * offsets (parsed exactly: lossless-json on Node 20, the platform's source-text access elsewhere)
 * against the same page with small integers (the fast path: plain `JSON.parse`) and against bare
 * ofetch, which parses with `JSON.parse` and rounds the int64s. Same stubbed fetch for all.
 * Measures the built package. Run: `pnpm bench`.
 */
import { ofetch } from 'ofetch'
import { interleave, median, spread } from '../../../scripts/bench/stats.mjs'
import { BearerToken, HorizonClient } from '../dist/index.js'

const page = (value) =>
  JSON.stringify({
    meta: {
      page: 1,
      pages_count: 1,
      total_count: 50,
      page_size: 50,
      has_next: false,
      has_previous: false,
      next_page: null,
      previous_page: null,
    },
    items: Array.from({ length: 50 }, (_, i) => ({
      id: i + 1,
      namespace_id: 1,
      name: `topic-${i}`,
      description: '',
      type: 'kafka_offsets',
      value: value(i),
      entity: null,
      expression: null,
      changed_at: '2026-11-22T20:58:05.022471Z',
      changed_by: 'etl',
    })),
  }).replace(/"BIG(\d+)"/g, '$1')
const small = page((i) => ({ partition: i, offset: 1000 + i }))
const big = page((i) => ({ partition: i, offset: `BIG${1733080000123456789n + BigInt(i)}` }))
const headers = { 'content-type': 'application/json', 'x-request-id': 'r', 'x-application-version': '1.1.3' }
const stub = (body) => async () => new Response(body, { status: 200, headers })
const make = (body) => new HorizonClient({ baseUrl: 'http://horizon', fetch: stub(body), auth: new BearerToken('t') })
const smallClient = make(small)
const bigClient = make(big)
const bareBig = ofetch.create({ baseURL: 'http://horizon' }, { fetch: stub(big) })

// Warm the lazily loaded exact parser once, and check it keeps the digits.
const check = await bigClient.paginateHwm({ namespace_id: 1, page_size: 50 })
if (check.items[49].value.offset !== 1733080000123456838n) throw new Error('exact parse lost digits')

const cases = {
  'bare ofetch, int64 page (rounds them)': () => bareBig('/v1/hwm/?namespace_id=1&page_size=50'),
  'client, small-integer page (fast path)': () => smallClient.paginateHwm({ namespace_id: 1, page_size: 50 }),
  'client, int64 page (exact)': () => bigClient.paginateHwm({ namespace_id: 1, page_size: 50 }),
}
const ROUNDS = Number(process.env.ROUNDS ?? 20)
const CALLS = 200
async function turn(call) {
  const started = performance.now()
  for (let i = 0; i < CALLS; i++) await call()
  return ((performance.now() - started) * 1000) / CALLS
}
const names = Object.keys(cases)
const samples = await interleave(cases, { rounds: ROUNDS, warmups: 3 }, turn)
const perCall = Object.fromEntries(names.map((n) => [n, median(samples[n])]))
const base = perCall['bare ofetch, int64 page (rounds them)']
console.log(
  `paginateHwm, 50 HWMs (${big.length} bytes) on a stubbed fetch: ${ROUNDS} rounds of ${CALLS} calls, median round`,
)
console.table(
  Object.fromEntries(
    names.map((n) => [
      n,
      {
        'µs/call': Number(perCall[n].toFixed(1)),
        'p10–p90 µs': spread(samples[n], 1),
        '× bare ofetch': Number((base / perCall[n]).toFixed(2)),
      },
    ]),
  ),
)
const cost = perCall['client, int64 page (exact)'] - perCall['client, small-integer page (fast path)']
console.log(`exact parsing of a 50-HWM int64 page costs ${cost.toFixed(1)} µs per call over the fast path`)
