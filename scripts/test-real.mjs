#!/usr/bin/env node
// `pnpm test:real`: the integration suites against the real Horizon 1.1.3 of this machine, the
// reference the dev server and the client must match. Starts it when its ping does not answer
// (`../shared/real-horizon/start.sh` beside the repo, or REAL_HORIZON_START; it needs root), then runs
// with HORIZON_URL set: the server conformance suite, the core suites that honour HORIZON_URL
// (tests/support/target.ts decides), and packages/server/test/real/. Ends with the counts line
// scripts/run.mjs prints; exits non-zero on any failure. The real server is never stopped here.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const url = (process.env.REAL_HORIZON_URL || 'http://127.0.0.1:8765').replace(/\/+$/, '')
const startScript = process.env.REAL_HORIZON_START || join(root, '..', 'shared', 'real-horizon', 'start.sh')
// The first start builds a chroot (~2.5 min, the README says); later ones take seconds.
const START_WAIT_MS = 6 * 60_000
const results = '.real-results'

const fail = (message) => {
  console.error(`test:real: ${message}`)
  process.exit(1)
}

async function answers() {
  try {
    const res = await fetch(`${url}/monitoring/ping`, { signal: AbortSignal.timeout(2000) })
    return res.ok
  } catch {
    return false
  }
}

async function ensureRunning() {
  if (await answers()) return
  if (!existsSync(startScript))
    fail(
      `the real Horizon does not answer at ${url} and its start script is missing: ${startScript} (set REAL_HORIZON_START)`,
    )
  if (process.getuid?.() !== 0)
    fail(
      `the real Horizon does not answer at ${url}; starting it (${startScript}) needs root: run it as root, then try again`,
    )
  console.log(`▶ starting the real Horizon: bash ${startScript}`)
  const r = spawnSync('bash', [startScript], { stdio: 'inherit' })
  if (r.error) fail(`${startScript}: ${r.error.message}`)
  if (r.status !== 0) fail(`${startScript} exited with ${r.status}`)
  const until = Date.now() + START_WAIT_MS
  while (!(await answers())) {
    if (Date.now() > until)
      fail(`the real Horizon did not answer at ${url}/monitoring/ping within ${START_WAIT_MS / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/** Test files under `dir` (repo-relative) whose source matches `re`, sorted. */
function testFiles(dir, re = /./) {
  const abs = join(root, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .filter((file) => re.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file))
    .sort()
}

// The core suites that honour HORIZON_URL: those on the target of tests/support/target.ts (through
// test/server.ts's useTarget, or directly). The others always start their own dev server.
const coreFiles = testFiles('packages/core/test', /from '(\.\.?\/)+server\.js'|tests\/support\/target/)
const realFiles = testFiles('packages/server/test/real')

/** One vitest run; answers its exit status and its counts (from the JSON report). */
function vitest(name, files, { workers }) {
  const out = `${results}-${name}.json`
  rmSync(join(root, out), { force: true })
  console.log(
    `\n▶ ${name} (${files.length === 1 ? files[0] : `${files.length} paths`}, ${workers} worker${workers > 1 ? 's' : ''})`,
  )
  const args = ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]
  args.push('--project', 'server', '--project', 'core', `--maxWorkers=${workers}`, ...files)
  const env = { ...process.env, HORIZON_URL: url, HORIZON_ADMIN_USER: process.env.HORIZON_ADMIN_USER ?? 'admin' }
  const r = spawnSync('pnpm', args, { cwd: root, stdio: 'inherit', env })
  let counts = { passed: 0, failed: 0, skipped: 0 }
  if (existsSync(join(root, out))) {
    const j = JSON.parse(readFileSync(join(root, out), 'utf8'))
    counts = { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests }
    rmSync(join(root, out), { force: true })
  }
  return { status: r.status ?? 1, counts }
}

const started = Date.now()
await ensureRunning()
const version = (await fetch(`${url}/monitoring/ping`)).headers.get('x-application-version')
console.log(`real Horizon at ${url} (version ${version ?? 'unknown'})`)

const runs = [
  // Every test names its own namespaces and users uniquely (conformance/http.ts, core/test/server.ts's
  // uniq) and reads only those, so the files share the server two at a time.
  ['conformance + core integration', ['packages/server/test/conformance/', ...coreFiles], { workers: 2 }],
]
// Comparisons of the two servers may read server-wide figures: one file at a time.
if (realFiles.length) runs.push(['packages/server/test/real', ['packages/server/test/real/'], { workers: 1 }])
else console.log('\n(no tests under packages/server/test/real yet)')

const total = { passed: 0, failed: 0, skipped: 0 }
const failed = []
for (const [name, files, options] of runs) {
  const { status, counts } = vitest(name, files, options)
  for (const k of Object.keys(total)) total[k] += counts[k]
  if (status !== 0) failed.push(name)
}
console.log(
  `\nsteps: ${failed.length ? `failed: ${failed.join(', ')}` : 'all passed'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
)
console.log(
  `${total.passed} passed, ${total.failed + (failed.length && !total.failed ? 1 : 0)} failed, ${total.skipped} skipped`,
)
process.exit(failed.length ? 1 : 0)
