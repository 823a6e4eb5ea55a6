// Versioning as users of the packages meet it (issue 10): `pnpm release:dry` reports what would be
// published, and changesets bump the four packages together with a CHANGELOG entry in each.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const env = { ...process.env, NO_COLOR: '1', COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' }
const PACKAGES = ['core', 'react', 'server', 'cli']
const version = (dir, p) => JSON.parse(readFileSync(join(dir, 'packages', p, 'package.json'), 'utf8')).version

test('pnpm release:dry prints npm publish --dry-run for each package, with its CHANGELOG', { timeout: 120_000 }, () => {
  const r = spawnSync('corepack', ['pnpm', 'release:dry'], { cwd: root, env, encoding: 'utf8' })
  const out = `${r.stdout}${r.stderr}`
  assert.equal(r.status, 0, out)
  for (const p of PACKAGES) {
    const name = `@horizon-ts/${p}@${version(root, p)}`
    const report = out.slice(out.indexOf(`── ${name}`), out.indexOf(`+ ${name}`))
    assert.ok(out.includes(`+ ${name}`), `no dry-run publish of ${name}:\n${out}`)
    for (const file of ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts'])
      assert.match(report, new RegExp(`npm notice \\S+ ${file.replace('.', '\\.')}\\n`), `${name} lacks ${file}`)
    assert.match(report, /with tag latest and public access \(dry-run\)/)
    assert.doesNotMatch(report, /npm notice \S+ (test|tests|bench)\//, `${name} ships tests or benchmarks`)
  }
  assert.doesNotMatch(out, /Unknown env config/)
  assert.match(out, /would publish 4 packages \(dry run\)/)
})

test('a changeset bumps core, react, server and cli together and writes each CHANGELOG', { timeout: 60_000 }, (t) => {
  // A throwaway worktree of HEAD: `changeset version` rewrites package.json and CHANGELOG files.
  const dir = join(mkdtempSync(join(tmpdir(), 'horizon-changeset-')), 'tree')
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' })
  assert.equal(git('worktree', 'add', '--detach', dir, 'HEAD').status, 0)
  t.after(() => {
    git('worktree', 'remove', '--force', dir)
    rmSync(dirname(dir), { recursive: true, force: true })
  })
  // Only the test's changeset: the pending ones of the tree would bump further.
  for (const f of readdirSync(join(dir, '.changeset')))
    if (f.endsWith('.md') && f !== 'README.md') rmSync(join(dir, '.changeset', f))
  const before = Object.fromEntries(PACKAGES.map((p) => [p, version(dir, p)]))
  writeFileSync(
    join(dir, '.changeset', 'exact-test.md'),
    "---\n'@horizon-ts/core': patch\n---\n\nA patch to the core only.\n",
  )
  const r = spawnSync(join(root, 'node_modules/.bin/changeset'), ['version'], { cwd: dir, env, encoding: 'utf8' })
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`)
  const bumped = (v) => v.replace(/\d+$/, (n) => String(Number(n) + 1))
  for (const p of PACKAGES) {
    assert.equal(version(dir, p), bumped(before[p]), `${p} was not bumped with the others`)
    const changelog = readFileSync(join(dir, 'packages', p, 'CHANGELOG.md'), 'utf8')
    assert.match(changelog, new RegExp(`## ${bumped(before[p]).replaceAll('.', '\\.')}`))
  }
  assert.match(readFileSync(join(dir, 'packages/core/CHANGELOG.md'), 'utf8'), /A patch to the core only\./)
  // The peer range stays a workspace range; pnpm pack turns it into ^<version> on publish.
  const react = JSON.parse(readFileSync(join(dir, 'packages/react/package.json'), 'utf8'))
  assert.equal(react.peerDependencies['@horizon-ts/core'], 'workspace:^')
})

test('the pending changesets bump within 0.x: no package is taken to a major by accident', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'horizon-status-')), 'status.json')
  const r = spawnSync(join(root, 'node_modules/.bin/changeset'), ['status', '--output', out], {
    cwd: root,
    env,
    encoding: 'utf8',
  })
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`)
  const { releases } = JSON.parse(readFileSync(out, 'utf8'))
  rmSync(dirname(out), { recursive: true, force: true })
  for (const { name, type, oldVersion, newVersion } of releases)
    if (oldVersion.startsWith('0.'))
      assert.notEqual(type, 'major', `${name} ${oldVersion} → ${newVersion}: see .changeset/README.md`)
})
