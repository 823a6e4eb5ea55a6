/**
 * 3. Real loopback: sequential `GET /v1/hwm/5` over Node's fetch to a node:http server in a child
 * process (loopback-server.mjs), so the network stack, undici and the garbage each request leaves
 * are all in the figures, which a stubbed fetch hides. Per turn of CALLS requests: the median and p99
 * latency, and the client's CPU per call (`process.cpuUsage`, user + system, this process only).
 * Cases interleaved, median turn with p10–p90; ratios round by round over bare ofetch (below 1 is better).
 * Targets (issue 15): ours, defaults, ≤ 1.02× bare ofetch in median latency and in CPU per call.
 * Run: `node loopback.bench.mjs` (after a build), or `pnpm bench`.
 */
import { fork } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { interleave, median, percentile, ratios, round, spread } from '../scripts/bench/stats.mjs'
import { clients } from './fixtures.mjs'

const ROUNDS = Number(process.env.ROUNDS ?? 15)
const CALLS = 400
export const TARGET = 1.02
const NAMES = [
  'raw fetch + json()',
  'raw fetch + json(), fresh signal',
  'ofetch, bare',
  'ours, defaults',
  'ours, signal',
  'ours, timeout: false',
]
const BASE = 'ofetch, bare'

async function turn(call) {
  const latencies = new Array(CALLS)
  const cpu = process.cpuUsage()
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now()
    await call()
    latencies[i] = (performance.now() - started) * 1000
  }
  const used = process.cpuUsage(cpu)
  return { median: median(latencies), p99: percentile(latencies, 99), cpu: (used.user + used.system) / CALLS }
}

export async function bench() {
  const child = fork(new URL('./loopback-server.mjs', import.meta.url), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const { url } = await new Promise((resolve, reject) => {
    child.once('message', resolve)
    child.once('exit', (code) => reject(new Error(`loopback server exited with ${code}`)))
  })
  child.removeAllListeners('exit')
  const all = clients(url, fetch)
  const cases = Object.fromEntries(NAMES.map((n) => [n, all[n]]))
  for (const [name, call] of Object.entries(cases)) {
    const answer = await call()
    if (answer?.id !== 5) throw new Error(`${name} answered ${JSON.stringify(answer)}`)
  }
  const samples = await interleave(cases, { rounds: ROUNDS, warmups: 2 }, turn)
  child.disconnect()
  child.kill()

  const of = (n, k) => samples[n].map((s) => s[k])
  const rows = NAMES.map((n) => ({
    case: n,
    'median µs': Math.round(median(of(n, 'median'))),
    'p10–p90': spread(of(n, 'median')),
    'p99 µs': Math.round(median(of(n, 'p99'))),
    'CPU µs/call': Math.round(median(of(n, 'cpu'))),
    'p10–p90 CPU': spread(of(n, 'cpu')),
    '× ofetch latency': round(median(ratios(samples, n, BASE, (s) => s.median))),
    '× ofetch CPU': round(median(ratios(samples, n, BASE, (s) => s.cpu))),
  }))
  const latency = ratios(samples, 'ours, defaults', BASE, (s) => s.median)
  const cpu = ratios(samples, 'ours, defaults', BASE, (s) => s.cpu)
  const targets = [
    {
      target: `loopback: ours (defaults) median latency ≤ ${TARGET}× bare ofetch`,
      measured: `${median(latency).toFixed(2)}× (${spread(latency, 2)})`,
      ok: median(latency) <= TARGET,
    },
    {
      target: `loopback: ours (defaults) CPU per call ≤ ${TARGET}× bare ofetch`,
      measured: `${median(cpu).toFixed(2)}× (${spread(cpu, 2)})`,
      ok: median(cpu) <= TARGET,
    },
  ]
  const title = `3. Real loopback, GET /v1/hwm/5 to a node:http server in a child process: ${ROUNDS} rounds of ${CALLS} sequential requests, median round`
  console.log(title)
  console.table(Object.fromEntries(rows.map(({ case: c, ...rest }) => [c, rest])))
  for (const t of targets) console.log(`${t.target}: ${t.measured} ${t.ok ? 'met' : 'NOT met'}`)
  const medians = Object.fromEntries(
    NAMES.map((n) => [n, { median: median(of(n, 'median')), cpu: median(of(n, 'cpu')) }]),
  )
  return { title, rows, targets, medians }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bench()
