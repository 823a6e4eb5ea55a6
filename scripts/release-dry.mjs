#!/usr/bin/env node
// `pnpm release:dry`: what `pnpm release` would publish, without publishing (nothing can be
// published from here). Builds, shows the pending changesets (`changeset status`), packs each
// public package as pnpm publishes it (workspace:^ becomes a real range) and runs
// `npm publish --dry-run` on each tarball, printing npm's own report: name, version, tag, access,
// every file and the sizes. Exit status 1 when a step fails or a tarball still names `workspace:`.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// Without the npm_config_* that `pnpm run` exports: npm warns about each one it does not know.
const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)))
const env = { ...inherited, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0', NO_COLOR: '1', FORCE_COLOR: '0' }
const run = (cmd, args, cwd = root, capture = false) => {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: capture ? 'pipe' : 'inherit' })
  if (r.status !== 0) {
    if (capture) process.stderr.write(`${r.stdout}${r.stderr}`)
    console.error(`✗ ${cmd} ${args.join(' ')} failed`)
    process.exit(1)
  }
  return r.stdout
}
const section = (title) => console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 90 - title.length))}`)

section('build')
run('corepack', ['pnpm', 'run', 'build'], root, true)
console.log('built core, react, server, cli')

section('pending changesets (changeset status)')
// `changeset status` exits 1 when packages changed without a changeset; here it only informs.
const status = spawnSync(join(root, 'node_modules/.bin/changeset'), ['status', '--verbose'], {
  cwd: root,
  env,
  encoding: 'utf8',
})
console.log(`${status.stdout}${status.stderr}`.trim() || 'no pending changesets')

const publishable = readdirSync(join(root, 'packages')).filter(
  (p) => !JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8')).private,
)
const out = mkdtempSync(join(tmpdir(), 'horizon-release-dry-'))
let failed = false
for (const p of publishable) {
  const dir = join(root, 'packages', p)
  const { name, version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  section(`${name}@${version}`)
  const tgz = run('corepack', ['pnpm', 'pack', '--pack-destination', out], dir, true).trim().split('\n').at(-1)
  const manifest = spawnSync('tar', ['-xzOf', tgz, 'package/package.json'], { encoding: 'utf8' }).stdout
  if (manifest.includes('workspace:')) {
    console.error(`✗ ${name}: the packed package.json still names workspace: ranges`)
    failed = true
  }
  // npm prints its report on stderr ("npm notice …"); the login warning is expected in a dry run.
  const r = spawnSync('npm', ['publish', '--dry-run', tgz], { cwd: out, env, encoding: 'utf8' })
  process.stdout.write(`${r.stderr}${r.stdout}`)
  if (r.status !== 0) failed = true
}
rmSync(out, { recursive: true, force: true })
section(failed ? 'a package would not publish' : `would publish ${publishable.length} packages (dry run)`)
process.exit(failed ? 1 : 0)
