// `pnpm generate` (issue 10: it exited 1) succeeds, and what it writes is what is committed: the
// generated types and schemas never drift from packages/core/openapi/openapi.json.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const generated = 'packages/core/src/horizon/generated'

test('pnpm generate exits 0 and leaves the committed generated files unchanged', { timeout: 60_000 }, () => {
  const env = { ...process.env, NO_COLOR: '1', COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' }
  const r = spawnSync('corepack', ['pnpm', 'generate'], { cwd: root, env, encoding: 'utf8' })
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`)
  const diff = spawnSync('git', ['status', '--porcelain', '--', generated], { cwd: root, encoding: 'utf8' })
  assert.equal(diff.stdout, '', `pnpm generate changed ${generated}: regenerate and commit`)
})
