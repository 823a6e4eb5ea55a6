/**
 * 2. CPU per call: `GET /v1/hwm/5` through each client on a stubbed fetch (a fresh `new Response`
 * per call, no network), so what differs is each client's own work: building the request, parsing,
 * checking. Sequential calls in turns of CALLS, the cases interleaved, median turn with p10–p90.
 * Ratios are times over the baseline's, round by round: below 1 is faster.
 * Targets (issue 15): ours with a caller's signal ≤ 1.05× ofetch with the same signal.
 * Run: `node per-call.bench.mjs` (after a build), or `pnpm bench`.
 */
import { pathToFileURL } from 'node:url'
import { interleave, median, ratios, round, spread } from '../scripts/bench/stats.mjs'
import { clients, stub } from './fixtures.mjs'

const ROUNDS = Number(process.env.ROUNDS ?? 25)
const CALLS = 500
export const TARGET = 1.05

/** Microseconds per call over `CALLS` sequential calls. */
async function turn(call) {
  const started = performance.now()
  for (let i = 0; i < CALLS; i++) await call()
  return ((performance.now() - started) * 1000) / CALLS
}

export async function bench() {
  const { 'raw fetch + json(), fresh signal': _, ...cases } = clients('http://horizon', stub)
  for (const [name, call] of Object.entries(cases)) {
    const answer = await call()
    if (answer?.id !== 5) throw new Error(`${name} answered ${JSON.stringify(answer)}`)
  }
  const samples = await interleave(cases, { rounds: ROUNDS, warmups: 3 }, turn)
  const rows = Object.keys(cases).map((n) => {
    const vsBare = ratios(samples, n, 'ofetch, bare')
    return {
      case: n,
      'µs/call': round(median(samples[n]), 1),
      'p10–p90 µs': spread(samples[n], 1),
      '× ofetch bare': round(median(vsBare)),
      'p10–p90 ×': spread(vsBare, 2),
    }
  })
  const signal = ratios(samples, 'ours, signal', 'ofetch, signal')
  const defaults = ratios(samples, 'ours, defaults', 'ofetch, bare')
  const title = `2. CPU per call, GET /v1/hwm/5 on a stubbed fetch: ${ROUNDS} rounds of ${CALLS} sequential calls, median round`
  const targets = [
    {
      target: `ours with a caller's signal ≤ ${TARGET}× ofetch with the same signal`,
      measured: `${median(signal).toFixed(2)}× (${spread(signal, 2)})`,
      ok: median(signal) <= TARGET,
    },
    {
      target: 'ours with defaults against bare ofetch: no target',
      measured: `${median(defaults).toFixed(2)}× (${spread(defaults, 2)})`,
    },
  ]
  console.log(title)
  console.table(Object.fromEntries(rows.map(({ case: c, ...rest }) => [c, rest])))
  for (const t of targets)
    console.log(`${t.target}: ${t.measured}${t.ok === undefined ? '' : t.ok ? ' met' : ' NOT met'}`)
  const medians = Object.fromEntries(Object.keys(cases).map((n) => [n, median(samples[n])]))
  return { title, rows, targets, medians, signalRatio: median(signal) }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bench()
