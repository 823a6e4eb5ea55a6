import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { cliOptions, runCli } from '../src/cli.js'
import { call, login } from './server-helpers.js'

const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const coreBuilt = fileURLToPath(new URL('../../core/dist/constraints.js', import.meta.url))

describe('horizon-server CLI', () => {
  it('starts the server from its arguments and prints the URL and the demo users', async () => {
    const lines: string[] = []
    const server = await runCli(['--port', '0', '--seed', 'demo', '--control', '--token-ttl', '60'], (l) =>
      lines.push(l),
    )
    try {
      expect(server).toBeDefined()
      expect(lines[0]).toBe(`Horizon-compatible server listening on ${server!.url} (seed: demo)`)
      expect(lines.join('\n')).toMatch(/admin .*\[superadmin\]/)
      expect(lines.join('\n')).toMatch(/alice/)
      const token = await login(server!.url, 'admin')
      expect((await call(`${server!.url}/v1/users/me`, { token })).body).toEqual({
        id: 1,
        username: 'admin',
        is_admin: true,
      })
      expect((await call(`${server!.url}/__control/faults`)).status).toBe(200)
    } finally {
      await server?.close()
    }
  })

  it("README's user table is what the CLI prints for --seed demo, roles and all (GUEST included)", async () => {
    const lines: string[] = []
    const server = await runCli(['--port', '0', '--seed', 'demo'], (l) => lines.push(l))
    await server?.close()
    // CLI: "  bob    / bob    OWNER of sandbox; …"; README: "| `bob`   | OWNER of sandbox; … |"
    const printed = lines.flatMap((l) => {
      const m = /^\s+(\w+)\s+\/\s+\w+\s+(.+?)(?: \[superadmin\])?$/.exec(l)
      return m ? [[m[1], m[2]]] : []
    })
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const users = readme.slice(readme.indexOf('| user '), readme.indexOf('\n\n', readme.indexOf('| user ')))
    const table = [...users.matchAll(/^\| `(\w+)`\s*\| (.+?)\s*\|$/gm)].map((m) => [m[1], m[2]])
    expect(printed.length).toBe(4)
    expect(table).toEqual(printed)
    expect(table.some(([, roles]) => roles?.includes('GUEST'))).toBe(true)
  })

  it('maps every option', () => {
    expect(
      cliOptions([
        '--port=8123',
        '--host',
        '0.0.0.0',
        '--seed',
        'empty',
        '--token-ttl',
        '5',
        '--superadmin',
        'root',
        '--superadmin',
        'ops',
        '--cors-origin',
        'http://x',
        '--latency',
        '25',
        '--secret',
        's3cret',
        '--app-version',
        '9.9.9',
      ]),
    ).toEqual({
      port: 8123,
      host: '0.0.0.0',
      seed: 'empty',
      tokenTtlSeconds: 5,
      superadmins: ['root', 'ops'],
      cors: { origins: ['http://x'] },
      latencyMs: 25,
      control: false,
      secret: 's3cret',
      version: '9.9.9',
    })
    expect(cliOptions(['--cors-origin', '*'])?.cors).toEqual({ origins: '*' })
  })

  it('prints help, and refuses unknown options and bad numbers', async () => {
    const lines: string[] = []
    expect(await runCli(['--help'], (l) => lines.push(l))).toBeUndefined()
    expect(lines.join('\n')).toMatch(/Usage: horizon-server/)
    expect(() => cliOptions(['--nope'])).toThrow()
    expect(() => cliOptions(['--port', 'abc'])).toThrow(/--port/)
    await expect(runCli(['--port', '0', '--seed', 'bogus'], () => {})).rejects.toThrow(/Unknown seed/)
  })

  it.skipIf(!existsSync(built) || !existsSync(coreBuilt))(
    'runs as dist/cli.js and exits cleanly on SIGTERM',
    { timeout: 20_000 },
    async () => {
      const child = spawn(process.execPath, [built, '--port', '0', '--seed', 'demo'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const m = /listening on (http:\/\/\S+)/.exec(out)
          if (m) resolve(m[1]!)
        })
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)))
      })
      expect((await call(`${url}/monitoring/ping`)).body).toEqual({ status: 'ok' })
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    },
  )
})
