/**
 * The black-box comparison with the real Horizon 1.1.3 (compare.mjs) as a test: skipped unless
 * HORIZON_URL is set (`pnpm test:real` sets it). It runs the built package, so it builds the server
 * first when its dist is missing or older than a source file of the server or of core.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { byFamily, compare } from './compare.mjs'

const server = fileURLToPath(new URL('../..', import.meta.url))
const core = join(server, '..', 'core')

const newest = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => statSync(join(e.parentPath, e.name)).mtimeMs),
  )

function buildWhenStale(): void {
  const dist = join(server, 'dist', 'index.js')
  const built = existsSync(dist) ? statSync(dist).mtimeMs : 0
  const coreBuilt = existsSync(join(core, 'dist')) ? newest(join(core, 'dist')) : 0
  if (newest(join(core, 'src')) > coreBuilt)
    execFileSync('pnpm', ['--filter', '@horizon-ts/core', 'build'], { cwd: server, stdio: 'inherit' })
  if (newest(join(server, 'src')) > built || newest(join(core, 'src')) > built)
    execFileSync('pnpm', ['--filter', '@horizon-ts/server', 'build'], { cwd: server, stdio: 'inherit' })
}

describe.skipIf(!process.env.HORIZON_URL)('the dev server answers as the real Horizon 1.1.3', () => {
  it('answers a few hundred varied requests byte for byte alike (ids, timestamps, tokens mapped)', async () => {
    buildWhenStale()
    const lines: string[] = []
    const result = await compare(process.env.HORIZON_URL, { log: (line, quiet) => quiet || lines.push(line) })
    console.log(
      `${result.prefix}: ${result.sent} requests, ${result.differences.length} differences ${JSON.stringify(byFamily(result.differences))}, ${result.allowed.length} known real-server 500s`,
    )
    expect(result.sent).toBeGreaterThan(400)
    expect(result.failures, lines.join('\n')).toEqual([])
  }, 300_000)
})
