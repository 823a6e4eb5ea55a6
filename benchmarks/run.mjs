/**
 * The core against its peers, in one run: 1. bundle size, 2. CPU per call on a stub, 3. latency and
 * CPU on real loopback. Prints the tables; with `BENCH_DOC=1` also rewrites the "core" section of the
 * repo's BENCHMARKS.md (between its `core-bench` markers; `BENCH_DOC=<path>` for another file).
 * Run: `pnpm bench` (every package's bench), or `BENCH_DOC=1 pnpm --filter @horizon-ts/benchmarks bench`.
 */
import { commit, machine, measuredLine, met, table, writeSection } from '../scripts/bench/report.mjs'
import { bench as firstCall } from './first-call.bench.mjs'
import { bench as loopback } from './loopback.bench.mjs'
import { bench as perCall } from './per-call.bench.mjs'
import { bench as size } from './size.bench.mjs'

const at = commit(['packages/core/src', 'packages/react/src'])
console.log(`@horizon-ts/benchmarks: ${machine.cpus} CPUs (${machine.model}), Node ${machine.node}, ${at}`)
const s = await size()
console.log()
const p = await perCall()
console.log()
const l = await loopback()
console.log()
const f = await firstCall()

const kB = (name) => s.sizes[name].upFront / 1000
const MAIN = '@horizon-ts/core, main entry'
const MINIMAL = '@horizon-ts/core: HorizonClient + LoginPassword + getHwm'
const REACT = '@horizon-ts/react (with what it uses of /query), over the main entry'
const SSR = '@horizon-ts/react + the whole of /query (SSR state included), over the main entry'
const sizeTargets = [
  { target: 'size: main entry ≤ 9.0 kB up front (aim 8.5)', measured: `${kB(MAIN).toFixed(1)} kB`, ok: kB(MAIN) <= 9 },
  {
    target: 'size: a minimal import measurably smaller than the main entry (≥ 0.5 kB less)',
    measured: `${(kB(MAIN) - kB(MINIMAL)).toFixed(2)} kB less`,
    ok: kB(MAIN) - kB(MINIMAL) >= 0.5,
  },
  {
    target: 'size: @horizon-ts/react + what it uses of /query ≤ 2.5 kB over the main entry',
    measured: `${kB(REACT).toFixed(1)} kB`,
    ok: kB(REACT) <= 2.5,
  },
]
const targets = [...sizeTargets, ...p.targets, ...l.targets, ...f.targets]
console.log()
for (const t of targets)
  if (t.ok !== undefined) console.log(`${t.ok ? 'met    ' : 'NOT met'}  ${t.target}: ${t.measured}`)

writeSection('core', render())

function readFirst() {
  const row = (k) => f.rows.find((r) => r.case.startsWith(k))['median ms']
  return `The chunks are in ${row('chunks')} ms after the client is made; the login a first call needs takes ${row('a login')} ms in an equally cold process, so a first call waits on its login, not on the chunks. In a long-lived process (a server making a client per request) the chunks load once, for every client after.`
}

function render() {
  const us = (x) => x.toFixed(1)
  const m = p.medians
  const lm = l.medians
  const lazyMain = s.sizes[MAIN].lazy.reduce((n, c) => n + c.bytes, 0) / 1000
  const readSize = `The main entry ships ${kB(MAIN).toFixed(1)} kB up front (plus ${lazyMain.toFixed(1)} kB loaded on first use), ${(kB(MAIN) / kB('ofetch')).toFixed(2)}× ofetch alone; the minimal import is ${kB(MINIMAL).toFixed(1)} kB, so tree-shaking removes ${(kB(MAIN) - kB(MINIMAL)).toFixed(2)} kB. The React rows count what \`@horizon-ts/react\` and \`/query\` add to an app that already has the main entry (that app's bundle less the main entry's; react and @tanstack/* are the app's): the hooks with what they use of \`/query\` ${kB(REACT).toFixed(1)} kB; an app that also imports \`serializeState\`/\`deserializeState\` (SSR state, which must parse big integers exactly and synchronously, on every platform) takes the exact-JSON parser up front too: ${kB(SSR).toFixed(1)} kB. Peers range from ${kB('up-fetch').toFixed(1)} kB (up-fetch) to ${kB('axios').toFixed(1)} kB (axios); they carry no validation, typed errors, auth or retries of Horizon's, which ours does.`
  const readCall = `On a stub every figure is the client's own CPU. With defaults ours costs ${us(m['ours, defaults'])} µs a call against ${us(m['ofetch, bare'])} for bare ofetch and ${us(m['raw fetch + json()'])} for the stub called directly; with a caller's signal $us(m['ours, signal'])µs against $us(m['ofetch, signal'])for ofetch given the same signal (${p.signalRatio.toFixed(2)}×, target ≤ 1.05×). ky (${us(m.ky)} µs) and openapi-fetch (${us(m['openapi-fetch (typed)'])} µs) are the other peers' figures.`
  const readLoop = `On loopback the server and the network stack add about ${Math.round(lm['raw fetch + json()'].median - m['raw fetch + json()'])} µs to every request, shared by all rows. A fresh AbortSignal alone costs Node's fetch ${Math.round(lm['raw fetch + json(), fresh signal'].median - lm['raw fetch + json()'].median)} µs of latency and ${Math.round(lm['raw fetch + json(), fresh signal'].cpu - lm['raw fetch + json()'].cpu)} µs of CPU per request (undici follows the signal); ours with defaults is ${Math.round(lm['ours, defaults'].median - lm['ofetch, bare'].median)} µs of latency and ${Math.round(lm['ours, defaults'].cpu - lm['ofetch, bare'].cpu)} µs of CPU from bare ofetch.`
  return `## Core (\`@horizon-ts/core\`, \`@horizon-ts/react\`) against peers

Regenerate: \`BENCH_DOC=1 pnpm --filter @horizon-ts/benchmarks bench\` (builds core and react first, then
rewrites this section); \`pnpm bench\` prints the same tables without touching this file. The benches are
\`benchmarks/*.bench.mjs\` (the peers, pinned, are that private package's devDependencies); the dashboard
(counts of requests and renders) is the React section below, the 10,000-HWM scan at concurrency 1, 4, 8
and 16 is table C of the Server section. \`ROUNDS=<n>\` changes the rounds of 2 and 3.

${measuredLine(at)} Figures from a shared machine: read the ratios, which compare cases measured
in the same run, turn about, rather than the absolute numbers. Every case runs the built packages (\`dist\`).
Cases take turns in rounds, a different case first each round; each row is the median round, with the
10th–90th percentile spread; × is a time (or size) over the baseline's, round by round, so below 1 is better.

| target | measured | |
| --- | ---: | --- |
${targets.map((t) => `| ${t.target} | ${t.measured} | ${t.ok === undefined ? '' : met(t.ok)} |`).join('\n')}

### 1. Bundle size

esbuild \`platform: 'browser'\`, ESM, minified, gzip level 9. Up front = everything the entry reaches
through static imports, bundled as one file with dynamic imports left out: what Vite/Rollup put in an
app's entry chunk, and what must arrive before a first call can start (the CI budget, \`pnpm size\`,
measures the same way). Lazy chunks, from a second build with code splitting, each gzipped on its
own, load later: the request and failure chunks when a client is made (table 6), the schemas with
\`validateResponses\`, the exact parser where the platform cannot parse big integers itself. esbuild's
own code splitting would also make a chunk of every module the entry shares with a lazy chunk: gzipped
one by one, those cost the main entry about 1 kB more. Each case is an app's entry: \`export * from\`
the package for the entry rows, and for the peers a client created and one call made. kB = 1,000 bytes.

${table(s.rows)}

${readSize}

### 2. CPU per call on a stubbed fetch

${p.title.replace(/^2\. /, '')}. The stub answers a fresh \`new Response(json)\` at once, so each row is
the client's own work: building the request, sending it through the stub, parsing and checking the
answer. "signal" is a fresh AbortController's signal per call (as TanStack Query passes one per query);
openapi-fetch is typed with the paths generated from Horizon's OpenAPI document; retries are off for ky.

${table(p.rows)}

${readCall}

### 3. Real loopback

${l.title.replace(/^3\. /, '')}. CPU is this (the client's) process's \`process.cpuUsage\`, user and
system, per request: the server's work is in its own process. Latency is per request; p99 is the median
over rounds of each round's 99th percentile.

${table(l.rows)}

${readLoop}

### 6. The first call of a fresh client

${f.title.replace(/^6\. /, '')}. The request and failure chunks load when a client is made; a first
call made at once waits for what has not arrived. Two cold Node processes per sample, turn about: one
makes a client on \`LoginPassword\` and calls it at once, the other logs in alone with raw fetch. Tables
4 (the dashboard) and 5 (the scan) are the React and Server sections.

${table(f.rows)}

${readFirst()}`
}
