/**
 * The server benches, in order: A (reads per second), B (writes by namespace size), C (a paginated
 * scan against its latency bound), each with the data log on (D) where the server has that option.
 * Prints the tables; with `BENCH_DOC=1` also rewrites the "Server" section of the repo's
 * BENCHMARKS.md (between its `server-bench` markers; `BENCH_DOC=<path>` for another file).
 * Run: `pnpm bench`, or `BENCH_DOC=1 pnpm --filter @horizon-ts/server bench`.
 */
import { commit as commitOf, machine, measuredLine, table, writeSection } from '../../../scripts/bench/report.mjs'
import { bench as reads } from './get-hwm.bench.mjs'
import { bench as scan } from './iterate.bench.mjs'
import { bench as writes } from './writes.bench.mjs'

const commit = commitOf(['packages/server/src'])
console.log(`@horizon-ts/server benches: ${machine.cpus} CPUs (${machine.model}), Node ${machine.node}, ${commit}`)

const a = await reads()
console.log()
const b = await writes({ keepLarge: true })
console.log()
const c = await scan(b.large)

writeSection('server', render())

/** A sentence or two on what each table says, from its figures. */
function readings() {
  const server = a.medians['@horizon-ts/server']
  const bare = a.medians['bare Hono, same body']
  const readA = `The server answers ${Math.round(server)} reads/s where the bare app answers ${Math.round(bare)}: at saturation a read costs about ${(1e6 / server).toFixed(0)} µs of the server's event loop against ${(1e6 / bare).toFixed(0)} µs for the bare app, so ${(1e6 / server - 1e6 / bare).toFixed(0)} µs is the server's own work per request (token check, lookup, headers, request log).${
    a.dataRatio === undefined
      ? ''
      : ` With the data log on, reads run at ${a.dataRatio.toFixed(2)}× (reads never touch the log, so this is the noise of the run).`
  }`
  const create = b.medians['create, in memory']
  const update = b.medians['update, in memory']
  const us = (ms) => (ms * 1000).toFixed(0)
  const flat = (r) => (r <= 1.2 ? 'flat' : r <= 1.5 ? 'growing a little' : 'growing with the namespace')
  const dataCreate = b.medians['create, data log on']
  const dataUpdate = b.medians['update, data log on']
  const readB = `Creates are ${flat(b.ratios['create, in memory'])} (${create.small.toFixed(2)} → ${create.large.toFixed(2)} ms) and updates ${flat(b.ratios['update, in memory'])} (${update.small.toFixed(2)} → ${update.large.toFixed(2)} ms) from 1,000 to 10,000 HWMs; a sequential request's latency includes the client's round trip on loopback.${
    dataCreate
      ? ` The data log adds ${us(dataCreate.small - create.small)} µs to a create at 1,000 HWMs and ${us(dataCreate.large - create.large)} µs at 10,000, ${us(dataUpdate.small - update.small)} and ${us(dataUpdate.large - update.large)} µs to an update: each write's line is written and flushed (fdatasync) before the answer, so these rows measure the disk too, and their spread is the disk's, shared with whatever else the machine does.`
      : ' Data log: n/a (no data option).'
  }`
  const m = c.medians
  const c8 = m['concurrency 8, 5 ms latency']
  const work = m['concurrency 8, no latency']
  const raw = m['raw fetch + JSON.parse, 8 at a time, 5 ms latency']
  const readC = `At concurrency 8 the scan takes ${c8.toFixed(0)} ms against a bound of 130 ms. Without any latency the same scan still takes ${work.toFixed(0)} ms: that is the time to serve and read 200 pages of 50 (about ${(work / 200).toFixed(2)} ms a page), and as the server serves one request at a time no concurrency hides it, so the scan cannot beat the larger of the two. The raw walk takes ${raw.toFixed(0)} ms, ${c8 - raw > 0.05 * raw ? `so the client's own checks and parsing add about ${(c8 - raw).toFixed(0)} ms` : 'so the client adds nothing measurable over plain fetch'}; the rest is the server's.`
  return { readA, readB, readC }
}

function render() {
  const { readA, readB, readC } = readings()
  const met = (ok) => (ok ? '**met**' : '**not met**')
  const bRatio = (op) => b.ratios[`${op}, in memory`]
  const dataB = b.ratios['create, data log on']
  return `## Server (\`@horizon-ts/server\`)

Regenerate: \`BENCH_DOC=1 pnpm --filter @horizon-ts/server bench\` (builds core and server first, then
rewrites this section); \`pnpm bench\` prints the same tables without touching this file. The benches are
\`packages/server/bench/*.bench.mjs\`. \`ROUNDS=<n>\` changes the rounds of A and C.

${measuredLine(commit)} Figures from a shared machine: read the ratios, which compare cases measured
in the same run, turn about, rather than the absolute numbers.

How: the built package (\`dist\`) runs in a child process of its own, so the load generator never shares
its event loop; every server is started by the bench with its defaults (request log included) and holds
only the data of that bench, in a namespace owned by the user the bench logs in as. Namespaces are filled by ${(b.seeding ?? c.seeding) === 'seed option' ? "the server's bulk `seed` option (no requests)" : 'HTTP creates, 16 at a time (the server has no bulk seed option)'}. Cases take
turns in rounds, a different case first each round; each row is the median round (or request), with the
10th–90th percentile spread.

| target | measured | |
| --- | ---: | --- |
| A. authenticated \`GET /v1/hwm/{id}\` ≥ 0.5× a bare Hono app | ${a.ratio.toFixed(2)}× | ${met(a.met)} |
| B. creating the 10,000th HWM of a namespace ≤ 1.5× the 1,000th | ${bRatio('create').toFixed(2)}× | ${met(bRatio('create') <= 1.5)} |
| B. updating in a namespace of 10,000 ≤ 1.5× in one of 1,000 | ${bRatio('update').toFixed(2)}× | ${met(bRatio('update') <= 1.5)} |
| C. \`iterateHwm\`, concurrency 8, 10,000 HWMs, 5 ms latency ≤ 1.3× its latency bound | ${c.ratio.toFixed(2)}× | ${met(c.met)} |
| D. the data log's cost (A and B with \`data: <dir>\`): no target | ${dataB === undefined ? 'n/a (no data option)' : `reads ${a.dataRatio.toFixed(2)}×, creates ${(b.medians['create, data log on'].small / b.medians['create, in memory'].small).toFixed(2)}× (at 1,000)`} | |

### A. Reads per second

${a.title.replace(/^[A-D]\. /, '')}. Load by [autocannon](https://github.com/mcollina/autocannon) in the bench's process. The bare app
is \`new Hono()\` with one route answering, with \`c.json\`, the very body the server answers; the server
also checks the token, finds the HWM and writes its headers (request id, version, CORS). On
${machine.cpus} CPUs the generator and the servers share the machine: the bare app's figure can be held
down by the generator itself, which flatters the ratio rather than the reverse.

${table(a.rows)}

${a.verdict}. ${a.dataVerdict}.

${readA}

### B. Writes as a namespace grows

${b.title.replace(/^[A-D]\. /, '')}. Two servers, one per size, take turns; \`× 1000th\` is the ratio of the medians. An update
changes the value of one of the HWMs just created (and adds a history row).

${table(b.rows)}

${b.verdicts.join('. ')}.

${readB}

### C. A paginated scan against its latency bound

${c.title.replace(/^[A-D]\. /, '')}. \`client\` is \`HorizonClient\` of the built \`@horizon-ts/core\` (its checks on); the raw
row walks the same pages with \`fetch\` and \`JSON.parse\` alone, to split the server's time from the
client's; "no latency" shows the work that concurrency cannot hide.

The bound: \`iterateHwm\` asks for pages of 50 (the largest Horizon serves), so 10,000 HWMs are 200
pages. The first page comes alone (it tells how many there are); the other 199 come \`concurrency\` at a
time in a sliding window, so in at least ⌈199 / concurrency⌉ waves, and every round trip takes at least
the 5 ms the server waits. Bound = (1 + ⌈(pages − 1) / concurrency⌉) × 5 ms.

${table(c.rows)}

${c.verdict}.

${readC}`
}
