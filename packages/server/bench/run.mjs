/**
 * The server benches, in order: A (reads per second), B (writes by namespace size), C (a paginated
 * scan against its latency bound), each with the data log on (D) where the server has that option.
 * Prints the tables; with `BENCH_DOC=1` also rewrites the "Server" section of the repo's
 * BENCHMARKS.md (between its `server-bench` markers; `BENCH_DOC=<path>` for another file).
 * Run: `pnpm bench`, or `BENCH_DOC=1 pnpm --filter @horizon-ts/server bench`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, release, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { bench as reads } from './get-hwm.bench.mjs'
import { bench as scan } from './iterate.bench.mjs'
import { bench as writes } from './writes.bench.mjs'

const machine = {
  cpus: availableParallelism(),
  model: cpus()[0]?.model ?? 'unknown',
  memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
  node: process.version,
  os: `${process.platform} ${release()}`,
}
const commit = (() => {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT
  try {
    const cwd = fileURLToPath(new URL('.', import.meta.url))
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '../src'], { cwd, encoding: 'utf8' }).trim()
    return dirty ? `${head} + uncommitted changes to src/` : head
  } catch {
    return 'unknown'
  }
})()
console.log(`@horizon-ts/server benches: ${machine.cpus} CPUs (${machine.model}), Node ${machine.node}, ${commit}`)

const a = await reads()
console.log()
const b = await writes({ keepLarge: true })
console.log()
const c = await scan(b.large)

const file =
  process.env.BENCH_DOC === '1'
    ? fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url))
    : process.env.BENCH_DOC
if (file) {
  const START = '<!-- server-bench:start -->'
  const END = '<!-- server-bench:end -->'
  const old = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`
  if (!old.includes(START) || !old.includes(END)) throw new Error(`${file} has no ${START} … ${END} markers`)
  const section = render()
  writeFileSync(file, `${old.slice(0, old.indexOf(START) + START.length)}\n${section}\n${old.slice(old.indexOf(END))}`)
  console.log(`\nwrote the Server section of ${file}`)
}

function table(rows) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  const cell = (v) => String(v ?? '').replace(/\|/g, '\\|')
  return [
    `| ${keys.join(' | ')} |`,
    `| ${keys.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${keys.map((k) => cell(r[k])).join(' | ')} |`),
  ].join('\n')
}

function render() {
  const met = (ok) => (ok ? '**met**' : '**not met**')
  const bRatio = (op) => b.ratios[`${op}, in memory`]
  const dataB = b.ratios['create, data log on']
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ')
  return `## Server (\`@horizon-ts/server\`)

Regenerate: \`BENCH_DOC=1 pnpm --filter @horizon-ts/server bench\` (builds core and server first, then
rewrites this section); \`pnpm bench\` prints the same tables without touching this file. The benches are
\`packages/server/bench/*.bench.mjs\`. \`ROUNDS=<n>\` changes the rounds of A and C.

Measured ${date} UTC at ${commit}, on ${machine.cpus} CPUs (${machine.model}, ${machine.memory}), Node
${machine.node}, ${machine.os}. Figures from a shared machine: read the ratios, which compare cases measured
in the same run, turn about, rather than the absolute numbers.

How: the built package (\`dist\`) runs in a child process of its own, so the load generator never shares
its event loop; every server is started by the bench, logs a superadmin in (so it may write in a seeded
namespace) and holds only the data of that bench. Namespaces are filled by ${b.seeding ?? c.seeding}. Cases take
turns in rounds, a different case first each round; each row is the median round (or request), with the
10th–90th percentile spread.

| target | measured | |
| --- | ---: | --- |
| A. authenticated \`GET /v1/hwm/{id}\` ≥ 0.5× a bare Hono app | ${a.ratio.toFixed(2)}× | ${met(a.met)} |
| B. creating the 10,000th HWM of a namespace ≤ 1.5× the 1,000th | ${bRatio('create').toFixed(2)}× | ${met(bRatio('create') <= 1.5)} |
| B. updating in a namespace of 10,000 ≤ 1.5× in one of 1,000 | ${bRatio('update').toFixed(2)}× | ${met(bRatio('update') <= 1.5)} |
| C. \`iterateHwm\`, concurrency 8, 10,000 HWMs, 5 ms latency ≤ 1.3× its latency bound | ${c.ratio.toFixed(2)}× | ${met(c.met)} |
| D. the data log's cost (A and B with \`data: <dir>\`) | ${dataB === undefined ? 'n/a (no data option)' : 'see A and B'} | |

### A. Reads per second

${a.title}. Load by [autocannon](https://github.com/mcollina/autocannon) in the bench's process. The bare app
is \`new Hono()\` with one route answering, with \`c.json\`, the very body the server answers; the server
also checks the token, finds the HWM and writes its headers (request id, version, CORS).

${table(a.rows)}

${a.verdict}. ${a.dataVerdict}.

### B. Writes as a namespace grows

${b.title}. Two servers, one per size, take turns; \`× 1000th\` is the ratio of the medians. An update
changes the value of one of the HWMs just created (and adds a history row).

${table(b.rows)}

${b.verdicts.join('. ')}.

### C. A paginated scan against its latency bound

${c.title}. \`client\` is \`HorizonClient\` of the built \`@horizon-ts/core\` (its checks on); the raw
row walks the same pages with \`fetch\` and \`JSON.parse\` alone, to split the server's time from the
client's; "no latency" shows the work that concurrency cannot hide.

The bound: \`iterateHwm\` asks for pages of 50 (the largest Horizon serves), so 10,000 HWMs are 200
pages. The first page comes alone (it tells how many there are); the other 199 come \`concurrency\` at a
time in a sliding window, so in at least ⌈199 / concurrency⌉ waves, and every round trip takes at least
the 5 ms the server waits: ${c.boundNote}.

${table(c.rows)}

${c.verdict}.`
}
