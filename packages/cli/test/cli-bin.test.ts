/** The built `horizon` bin as users run it: a child process of node, pipes for stdin and stdout. */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { HorizonServer } from '@horizon-ts/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoServer } from './helpers.js'

const bin = fileURLToPath(new URL('../bin/horizon.mjs', import.meta.url))
const built = fileURLToPath(new URL('../dist/index.js', import.meta.url))

let server: HorizonServer
let env: Record<string, string>
beforeAll(async () => {
  if (!existsSync(built)) throw new Error('packages/cli is not built: run `corepack pnpm build` first')
  const demo = await demoServer()
  server = demo.server
  env = demo.env()
})
afterAll(() => server.close())

/** Runs the bin with `args`, writing `stdin` to it; resolves its exit code and output. */
function horizonBin(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH, HOME: '/nonexistent', NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

describe('the built horizon bin', () => {
  it('ping and --help', async () => {
    expect(await horizonBin(['ping'])).toEqual({ code: 0, stdout: 'ok\n', stderr: '' })
    const help = await horizonBin(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^horizon: a command line for the Horizon HWM store\./)
  })
  it('hwm set - from a pipe, then export | import into another namespace, digit for digit', async () => {
    const set = await horizonBin(
      ['hwm', 'set', 'etl_sales', 'bin_offset', '-', '--type', 'column_int'],
      '18446744073709551616\n',
    )
    expect(set.stderr).toBe('')
    expect(set.code).toBe(0)
    await horizonBin(['hwm', 'set', 'etl_sales', 'bin_nanos', '1733080000123456789', '--type', 'column_int'])
    const exported = await horizonBin(['export', 'etl_sales'])
    expect(exported.code).toBe(0)
    expect(exported.stdout).toContain('"value": 18446744073709551616,')
    expect((await horizonBin(['ns', 'create', 'bin_copy'])).code).toBe(0)
    const imported = await horizonBin(['import', 'bin_copy', '--json'], exported.stdout)
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout).results).toContainEqual({ name: 'bin_offset', outcome: 'created' })
    const got = await horizonBin(['hwm', 'get', 'bin_copy', 'bin_nanos', '--json'])
    expect(got.stdout).toMatch(/"value": 1733080000123456789,/)
    const again = await horizonBin(['export', 'bin_copy'])
    const hwms = (text: string) => text.slice(text.indexOf('"hwms"'))
    expect(hwms(again.stdout)).toBe(hwms(exported.stdout))
  })
  it('exit codes as a shell sees them: 3 not found, 2 usage, 6 network; the password never printed', async () => {
    const missing = await horizonBin(['hwm', 'get', 'etl_sales', 'nope'])
    expect(missing).toEqual({ code: 3, stdout: '', stderr: 'horizon: HWM "nope" not found in namespace "etl_sales"\n' })
    expect((await horizonBin(['hwm', 'frobnicate'])).code).toBe(2)
    const closed = await horizonBin(['ping', '--url', 'http://127.0.0.1:1'])
    expect(closed.code).toBe(6)
    const secret = 'Very-S3cret-pw'
    server.faults.add({ path: '/v1/auth/token', kind: 'status', status: 401, times: 3 })
    const refused = await horizonBin(['whoami', '--password', secret])
    server.faults.clear()
    expect(refused.code).toBe(4)
    expect(`${refused.stdout}${refused.stderr}`).not.toContain(secret)
  })
})
