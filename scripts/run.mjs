#!/usr/bin/env node
// Entry of `npm test` and `npm run demo` on a machine that has only Node ≥ 20 and npm:
// it brings pnpm through Corepack, installs what is missing, then runs the task.
// Node built-ins only: nothing is installed yet when this starts.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// Package scripts call `pnpm`: a shim on PATH runs it through Corepack, so nothing global is needed.
const shimDir = join(tmpdir(), 'horizon-ts-pnpm-shim')
mkdirSync(shimDir, { recursive: true })
writeFileSync(join(shimDir, 'pnpm'), '#!/bin/sh\nexec corepack pnpm "$@"\n', { mode: 0o755 })
const env = {
  ...process.env,
  PATH: `${shimDir}${delimiter}${process.env.PATH}`,
  COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
  NO_COLOR: process.env.NO_COLOR ?? '1',
}

/** Runs a command in the repo root, inheriting stdio; returns its exit status. */
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, ...options })
  if (r.error) throw r.error
  return r.status ?? 1
}
const pnpm = (...args) => run('corepack', ['pnpm', ...args])

/**
 * Like run(), but asynchronous, and the output is also read: a line matching `NOISE` is output a user
 * reads as trouble (issue 10), so the step fails even when the command succeeded, naming the lines.
 */
function runQuiet(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'] })
    const noisy = []
    const pass = (from, to) => {
      let rest = ''
      const check = (line) => {
        if (NOISE.some((re) => re.test(line))) noisy.push(line)
      }
      from.setEncoding('utf8')
      from.on('data', (chunk) => {
        to.write(chunk)
        const lines = (rest + chunk).split('\n')
        rest = lines.pop()
        lines.forEach(check)
      })
      from.on('end', () => check(rest))
    }
    pass(child.stdout, process.stdout)
    pass(child.stderr, process.stderr)
    child.once('error', reject)
    child.once('close', (code) => {
      if (code === 0 && noisy.length) {
        console.error(
          `\n✗ noise in the output of ${[cmd, ...args].join(' ')}:\n${noisy.map((l) => `  ${JSON.stringify(l)}`).join('\n')}`,
        )
        resolve(1)
      } else resolve(code ?? 1)
    })
  })
}
// What a user must never see from install or build: raw ANSI under NO_COLOR, deprecation lines
// (tsdown's CLI prints one under Node 20: the packages build through scripts/build-package.mjs),
// pnpm's "Failed to create bin" (a bin linked before it is built), any ERR_PNPM code.
const NOISE = [new RegExp(`${String.fromCharCode(27)}\\[`), /deprecated/i, /Failed to create bin/, /ERR_PNPM/]
const build = () => runQuiet('corepack', ['pnpm', 'run', 'build'])
const CHROMIUM = '/usr/bin/chromium'

async function ensureInstalled() {
  if (spawnSync('corepack', ['--version'], { env }).status !== 0) {
    console.error('Corepack is missing: install Node.js ≥ 20 (it ships Corepack), then try again.')
    process.exit(1)
  }
  const marker = join(root, 'node_modules', '.modules.yaml')
  const lock = join(root, 'pnpm-lock.yaml')
  const stale = !existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs
  if (stale && (await runQuiet('corepack', ['pnpm', 'install', '--frozen-lockfile'])) !== 0) process.exit(1)
}

/** Reads vitest's / Playwright's JSON report into counts. */
function counts(file, kind) {
  const path = join(root, file)
  if (!existsSync(path)) return undefined
  if (kind === 'tap') {
    const tap = readFileSync(path, 'utf8')
    const n = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0)
    return { passed: n('pass'), failed: n('fail') + n('cancelled'), skipped: n('skipped') + n('todo') }
  }
  const r = JSON.parse(readFileSync(path, 'utf8'))
  if (kind === 'consumer') return r // scripts/consumer.mjs writes { passed, failed, skipped }
  if (kind === 'vitest')
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }
  const s = r.stats ?? {}
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 }
}

/** The browser tests drive Debian's chromium: on a fresh Debian machine (as root), install it. */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return true
  const asRoot = process.getuid?.() === 0
  if (asRoot && spawnSync('apt-get', ['--version'], { env }).status === 0) {
    console.log('Installing Debian chromium for the browser tests…')
    const apt = { ...env, DEBIAN_FRONTEND: 'noninteractive' }
    run('apt-get', ['update', '-qq'], { env: apt })
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: apt })
  }
  if (existsSync(CHROMIUM)) return true
  console.error(`The browser tests need Chromium at ${CHROMIUM}: install it (apt-get install chromium).`)
  return false
}

async function test() {
  await ensureInstalled()
  const browser = ensureChromium()
  const steps = [
    ['build', build],
    // The packed tarballs as users install them: publint, attw, ESM, CommonJS, TypeScript (scripts/consumer.mjs).
    ['packages as installed (consumer)', () => run(process.execPath, ['scripts/consumer.mjs'])],
    // Again with the oldest TanStack Query react's peer range allows: the range must be one users can meet.
    [
      'packages as installed, lowest TanStack peer (consumer)',
      () =>
        run(process.execPath, ['scripts/consumer.mjs'], {
          env: { ...env, CONSUMER_TANSTACK: 'lowest', CONSUMER_RESULTS: '.consumer-lowest-results.json' },
        }),
    ],
    // The repository's own scripts as a user runs them: `npm run demo` and its Ctrl-C (tests/repo).
    [
      'repo scripts (tests/repo)',
      () =>
        run(process.execPath, [
          '--test',
          '--test-reporter=spec',
          '--test-reporter-destination=stdout',
          '--test-reporter=tap',
          '--test-reporter-destination=.repo-tests.tap',
          'tests/repo/',
        ]),
    ],
    ['typecheck', () => pnpm('run', 'typecheck')],
    ['lint', () => pnpm('run', 'lint')],
    [
      'unit + integration (vitest)',
      () => pnpm('exec', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.vitest-results.json'),
    ],
    ['bundle size', () => pnpm('run', 'size')],
  ]
  if (existsSync(join(root, 'apps/demo/playwright.config.ts')))
    steps.push(['browser (playwright)', () => (browser ? pnpm('--filter', '@horizon-ts/demo', 'run', 'test:e2e') : 1)])
  const failed = []
  // A report left by an earlier run must not count for a step that fails before writing its own.
  for (const file of [
    '.vitest-results.json',
    '.consumer-results.json',
    '.consumer-lowest-results.json',
    '.repo-tests.tap',
  ])
    rmSync(join(root, file), { force: true })
  for (const [name, step] of steps) {
    console.log(`\n▶ ${name}`)
    if ((await step()) !== 0) failed.push(name)
  }
  const total = { passed: 0, failed: 0, skipped: 0 }
  const reports = [
    counts('.vitest-results.json', 'vitest'),
    counts('.consumer-results.json', 'consumer'),
    counts('.consumer-lowest-results.json', 'consumer'),
    counts('.repo-tests.tap', 'tap'),
    counts('apps/demo/test-results/results.json', 'pw'),
  ]
  for (const c of reports) if (c) for (const k of Object.keys(total)) total[k] += c[k]
  console.log(`\nsteps: ${failed.length ? `failed: ${failed.join(', ')}` : 'all passed'}`)
  // The closing line CI reads: real counts, alone on the line.
  console.log(
    `${total.passed} passed, ${total.failed + (failed.length && !total.failed ? 1 : 0)} failed, ${total.skipped} skipped`,
  )
  process.exit(failed.length ? 1 : 0)
}

async function demo() {
  await ensureInstalled()
  if ((await build()) !== 0) process.exit(1)
  const hasApp = existsSync(join(root, 'apps/demo/package.json'))
  // Node directly, not `pnpm run`: pnpm runs scripts through `sh -c`, and Debian's sh (dash) kills
  // itself with SIGINT after a Ctrl-C even when the script exits 0, which pnpm reports as
  // ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL. Ctrl-C reaches every process of the terminal's group: the demo
  // (or the server) stops and exits 0; this process only waits for it, so `npm run demo` ends quietly.
  const args = hasApp ? ['apps/demo/scripts/demo.mjs'] : ['packages/server/bin/horizon-server.mjs', '--seed', 'demo']
  let interrupted = false
  const onSignal = () => {
    interrupted = true
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  // `npm run demo -- --data dir`: what follows the task goes to the demo (or the server).
  const child = spawn(process.execPath, [...args, ...process.argv.slice(3)], { cwd: root, stdio: 'inherit', env })
  const [code, signal] = await new Promise((resolve) => child.once('exit', (c, s) => resolve([c, s])))
  process.exit(code === 0 || (interrupted && (signal || code === 130 || code === 143)) ? 0 : (code ?? 1))
}

const task = process.argv[2]
if (task === 'test') await test()
else if (task === 'demo') await demo()
else {
  console.error('usage: node scripts/run.mjs test|demo')
  process.exit(2)
}
