#!/usr/bin/env node
// The packages as users install them, tested on the built artifacts (run `pnpm run build` first):
//  1. `pnpm pack` core, react, server and cli (workspace:^ becomes a real range, as on publish);
//  2. each tarball through publint --strict and attw (node16 from ESM and from CJS, bundler);
//  3. the tarballs installed into a throwaway project outside the workspace (pnpm, the shared
//     store, --prefer-offline), with react, TanStack Query and @types as a user would add them;
//  4. there, tests/consumer: Node ESM (every entry, a quickstart against the installed
//     horizon-server bin, query-core, React SSR), CommonJS require(), and TypeScript strict with
//     skipLibCheck false under moduleResolution bundler and nodenext; a Vite + React app built with
//     `vite build`, and the size the packages add to it (against the same app without them).
// Prints one line per check, then `N passed, N failed, N skipped`, and writes the counts to
// .consumer-results.json for scripts/run.mjs. Exit status 1 when a check failed.
//   CONSUMER_TANSTACK=5.89.0  installs that @tanstack/query-core + react-query; `lowest` takes the
//                             lowest version react's peer range allows (npm test runs both)
//   CONSUMER_RESULTS=file     where the counts go (default .consumer-results.json)
//   CONSUMER_KEEP=1           keeps the temp project (it is kept anyway when a check fails)
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const PACKAGES = ['core', 'react', 'server', 'cli']
const bin = (name) => join(root, 'node_modules', '.bin', name)
const env = { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0', NO_COLOR: '1', FORCE_COLOR: '0' }
const started = performance.now()
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

/** Runs a command, collecting its output; resolves { code, out, ms } (never rejects). */
function exec(cmd, args, cwd, extraEnv = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now()
    const child = spawn(cmd, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      out += d
    })
    child.on('error', (e) => resolve({ code: 1, out: `${out}${e.message}`, ms: performance.now() - t0 }))
    child.on('close', (code) => resolve({ code: code ?? 1, out, ms: performance.now() - t0 }))
  })
}

const results = { passed: 0, failed: 0, skipped: 0 }
/** Records checks: `passed`/`failed` counts (a test file holds several), with the output on failure. */
function report(name, { passed = 0, failed = 0, skipped = 0 }, r) {
  results.passed += passed
  results.failed += failed
  results.skipped += skipped
  const counts = passed + failed + skipped > 1 ? ` (${passed} passed, ${failed} failed, ${skipped} skipped)` : ''
  console.log(`${failed ? '✗' : '✓'} ${name}${counts}${r ? ` — ${seconds(r.ms)}` : ''}`)
  if (failed) {
    if (r?.out) console.log(r.out.replace(/^/gm, '    '))
  }
}
const one = (name, r) => report(name, r.code === 0 ? { passed: 1 } : { failed: 1 }, r)

/** Reads node:test's TAP summary (`# pass N`, …); a file that could not run counts as one failure. */
function tap(name, r) {
  const count = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(r.out)?.[1] ?? 0)
  const c = {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
  }
  if (r.code !== 0 && c.failed === 0) c.failed = 1
  report(name, c, r)
}

const version = (pkgDir, dep) =>
  JSON.parse(readFileSync(join(root, pkgDir, 'node_modules', dep, 'package.json'))).version

function finish(code) {
  writeFileSync(join(root, process.env.CONSUMER_RESULTS ?? '.consumer-results.json'), `${JSON.stringify(results)}\n`)
  console.log(`\nconsumer checks: ${seconds(performance.now() - started)}`)
  console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`)
  process.exit(code)
}

// ── 1. pack ────────────────────────────────────────────────────────────────────────────────
const missing = PACKAGES.filter((p) => !existsSync(join(root, 'packages', p, 'dist')))
if (missing.length) {
  report(`built artifacts (no dist/ in ${missing.join(', ')}: run pnpm run build)`, { failed: 1 })
  finish(1)
}
const tmp = mkdtempSync(join(tmpdir(), 'horizon-consumer-'))
const tarballs = join(tmp, 'tarballs')
const app = join(tmp, 'app')
mkdirSync(tarballs)
console.log(`consumer project: ${app}`)

const packed = await Promise.all(
  PACKAGES.map((p) =>
    exec('corepack', ['pnpm', 'pack', '--pack-destination', tarballs], join(root, 'packages', p)).then((r) => ({
      p,
      r,
      file: r.out.trim().split('\n').at(-1),
    })),
  ),
)
for (const { p, r, file } of packed)
  if (r.code !== 0 || !existsSync(file)) one(`pack @horizon-ts/${p}`, { ...r, code: 1 })
if (results.failed) finish(1)
const tgz = Object.fromEntries(packed.map(({ p, file }) => [p, file]))

// ── 2 + 3. lint the tarballs while the throwaway project installs ──────────────────────────
// `lowest`: the floor of react's peer range (`^5.89.0` → 5.89.0), the oldest TanStack a user may have.
const peerFloor = () => {
  const range = JSON.parse(readFileSync(join(root, 'packages/react/package.json'))).peerDependencies[
    '@tanstack/react-query'
  ]
  return /^\^(\d+\.\d+\.\d+)$/.exec(range)?.[1] ?? range
}
const tanstack =
  process.env.CONSUMER_TANSTACK === 'lowest'
    ? peerFloor()
    : (process.env.CONSUMER_TANSTACK ?? version('packages/react', '@tanstack/react-query'))
const pkg = {
  name: 'horizon-consumer',
  private: true,
  type: 'module',
  packageManager: JSON.parse(readFileSync(join(root, 'package.json'))).packageManager,
  dependencies: {
    '@horizon-ts/core': `file:${tgz.core}`,
    '@horizon-ts/react': `file:${tgz.react}`,
    '@horizon-ts/server': `file:${tgz.server}`,
    '@horizon-ts/cli': `file:${tgz.cli}`,
    '@tanstack/query-core': tanstack,
    '@tanstack/react-query': tanstack,
    react: version('packages/react', 'react'),
    'react-dom': version('packages/react', 'react-dom'),
  },
  devDependencies: {
    '@types/node': version('.', '@types/node'),
    '@types/react': version('packages/react', '@types/react'),
    '@types/react-dom': version('apps/demo', '@types/react-dom'),
    vite: version('apps/demo', 'vite'),
    '@vitejs/plugin-react': version('apps/demo', '@vitejs/plugin-react'),
  },
  // Not on the registry yet: server's and cli's `@horizon-ts/core@^0.1.0` must be the tarball, as it would
  // be the published version. react names it as a peer, met by the app's own dependency.
  pnpm: { overrides: { '@horizon-ts/core': `file:${tgz.core}` } },
}
mkdirSync(app)
writeFileSync(join(app, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
cpSync(join(root, 'tests', 'consumer'), app, { recursive: true })

// At most two commands at once besides the install (CI has two cores): lints first, then the
// project's checks as soon as the install is done.
let free = 2
const waiting = []
async function slot(fn) {
  if (free === 0) await new Promise((resolve) => waiting.push(resolve))
  else free--
  try {
    return await fn()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else free++
  }
}
const pooled = (...args) => slot(() => exec(...args))

const install = exec(
  'corepack',
  ['pnpm', 'install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=append-only'],
  app,
)
const checks = [] // [name, promise of a result, how to count it]
// The tarball lints do not depend on the TanStack installed: once, in the default run.
for (const p of process.env.CONSUMER_TANSTACK === 'lowest' ? [] : PACKAGES) {
  checks.push([`publint --strict @horizon-ts/${p}`, pooled(bin('publint'), ['run', '--strict', tgz[p]], root), one])
  // The node16 profile: node16 from ESM and from CJS, and bundler (node10 cannot read `exports`).
  // core, server and cli are ESM only, require()d as ESM (Node ≥ 20.19 / 22.12, see `engines`; TypeScript
  // ≥ 5.8 under nodenext, see require-types.cts): attw models TypeScript's node16, where that is an
  // error, hence cjs-resolves-to-esm ignored for them. A CommonJS build of the core would give two
  // copies of every class (instanceof HorizonError); react has one, for TanStack's sake.
  const ignore = p === 'react' ? [] : ['--ignore-rules', 'cjs-resolves-to-esm']
  const attw = ['--profile', 'node16', ...ignore, '--no-definitely-typed', '--no-color', '--format', 'table-flipped']
  checks.push([`attw (node16 ESM + CJS, bundler) @horizon-ts/${p}`, pooled(bin('attw'), [...attw, tgz[p]], root), one])
}
checks.push([`install the tarballs (pnpm, TanStack ${tanstack})`, install, one])

const afterInstall = (fn) =>
  install.then((r) => (r.code === 0 ? fn() : { code: 1, out: 'not run: the install failed', ms: 0 }))
const node = (file) =>
  afterInstall(() =>
    pooled(process.execPath, ['--disable-warning=ExperimentalWarning', '--test', '--test-reporter=tap', file], app),
  )
const tsc = (config) =>
  afterInstall(() => pooled(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], app))
const copies = afterInstall(async () => {
  const r = await exec('ls', [join(app, 'node_modules', '.pnpm')], app)
  const cores = r.out.split('\n').filter((d) => d.startsWith('@horizon-ts+core@'))
  return { ...r, code: cores.length === 1 ? 0 : 1, out: `@horizon-ts/core installed ${cores.length}×: ${cores}` }
})
// Every .js.map / .d.ts.map names sources that the installed package holds (`files` ships src/).
const maps = afterInstall(async () => {
  const t0 = performance.now()
  const lost = []
  let count = 0
  for (const p of PACKAGES) {
    const dist = join(app, 'node_modules', '@horizon-ts', p, 'dist')
    for (const file of readdirSync(dist).filter((f) => f.endsWith('.map'))) {
      count++
      for (const source of JSON.parse(readFileSync(join(dist, file), 'utf8')).sources)
        if (!existsSync(join(dist, source))) lost.push(`@horizon-ts/${p}/dist/${file} → ${source}`)
    }
  }
  const out = lost.length ? `missing from the tarballs:\n${lost.join('\n')}` : `${count} maps`
  return { code: lost.length || !count ? 1 : 0, out, ms: performance.now() - t0 }
})
// `vite build` of a small app on the packages and of the same app without them (tests/consumer/vite):
// the build must be clean (no Node built-in externalized for the browser, no warning), and the
// difference of the gzipped bundles is the size the packages add to an app.
const viteBuild = (entry) =>
  exec(
    process.execPath,
    [join(app, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite/vite.config.mjs'],
    app,
    {
      CONSUMER_ENTRY: entry,
    },
  )
/** Gzipped bytes of a build's JS: the entry chunk (loaded up front) and the lazy chunks. */
function gzipped(entry) {
  const dir = join(app, 'vite', `dist-${entry}`, 'assets')
  const sizes = { initial: 0, lazy: 0 }
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js')))
    sizes[f.startsWith(`${entry}-`) ? 'initial' : 'lazy'] += gzipSync(readFileSync(join(dir, f))).length
  return sizes
}
const vite = afterInstall(() =>
  slot(async () => {
    const t0 = performance.now()
    const [withPackages, baseline] = [await viteBuild('app'), await viteBuild('baseline')]
    const out = `${withPackages.out}${baseline.out}`
    if (withPackages.code || baseline.code || out.trim()) return { code: 1, out, ms: performance.now() - t0 }
    const [a, b] = [gzipped('app'), gzipped('baseline')]
    const kB = (n) => `${(n / 1000).toFixed(1)} kB`
    sizes =
      `app ${kB(a.initial)} gzip up front, the same app on react-query + fetch ${kB(b.initial)}: ` +
      `@horizon-ts/core + react add ${kB(a.initial - b.initial)} (+ ${kB(a.lazy)} loaded only with validateResponses)`
    return { code: 0, out: sizes, ms: performance.now() - t0 }
  }),
)
let sizes = ''
// What a user sees on hover: TSDoc (and an @example) on every export of the installed .d.ts entries.
const tsdoc = afterInstall(() => {
  const dts = (p, ...entries) => entries.map((e) => join(app, 'node_modules', '@horizon-ts', p, 'dist', `${e}.d.ts`))
  const entries = [
    ...dts('core', 'index', 'constraints', 'json', 'query', 'schemas', 'oidc', 'bff'),
    ...dts('react', 'index'),
    ...dts('server', 'index'),
    ...dts('cli', 'index'),
  ]
  return pooled(process.execPath, [join(root, 'scripts', 'tsdoc-check.mjs'), ...entries], app)
})
checks.push(
  ['TSDoc with examples on every export of the installed declarations', tsdoc, one],
  ['vite build of a React app on the packages (tests/consumer/vite)', vite, one],
  ['one @horizon-ts/core in node_modules', copies, one],
  ['source and declaration maps point at files in the tarballs', maps, one],
  ['ESM runtime (tests/consumer/esm.test.mjs)', node('esm.test.mjs'), tap],
  ['CommonJS runtime (tests/consumer/cjs.test.cjs)', node('cjs.test.cjs'), tap],
  ['types, strict, skipLibCheck false, moduleResolution bundler', tsc('tsconfig.bundler.json'), one],
  ['types, strict, skipLibCheck false, moduleResolution nodenext (+ .cts require)', tsc('tsconfig.nodenext.json'), one],
)
const done = await Promise.all(checks.map(([, promise]) => promise))
for (const [i, [name, , count]] of checks.entries()) count(name, done[i])
if (sizes) console.log(`  size: ${sizes}`)

if (results.failed === 0 && !process.env.CONSUMER_KEEP) rmSync(tmp, { recursive: true, force: true })
else console.log(`kept ${tmp}`)
finish(results.failed ? 1 : 0)
