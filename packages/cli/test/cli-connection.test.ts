import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import type { HorizonServer } from '@horizon-ts/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMANDS } from '../src/commands/index.js'
import { run } from '../src/main.js'
import { demoServer, horizon } from './helpers.js'

let server: HorizonServer
let dir: string
beforeAll(async () => {
  ;({ server } = await demoServer())
  dir = mkdtempSync(join(tmpdir(), 'horizon-cli-'))
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A token issued by the server for `user`. */
async function tokenOf(user: string): Promise<string> {
  const res = await fetch(`${server.url}/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: user, password: 'demo' }),
  })
  return ((await res.json()) as { access_token: string }).access_token
}

describe('connection: flags > environment > profile', () => {
  it('profiles from the config file at $HORIZON_CONFIG: --profile, HORIZON_PROFILE, and default', async () => {
    const config = join(dir, 'config.json')
    const token = await tokenOf('carol')
    writeFileSync(
      config,
      JSON.stringify({
        profiles: {
          default: { url: server.url, user: 'bob' },
          prod: { url: server.url, user: 'alice' },
          ci: { url: server.url, token },
        },
      }),
    )
    const env = { HORIZON_CONFIG: config, HORIZON_PASSWORD: 'demo' }
    const who = async (args: string[], extra: Record<string, string> = {}) => {
      const r = await horizon(['whoami', '--json', ...args], { env: { ...env, ...extra } })
      expect(r.stderr).toBe('')
      return JSON.parse(r.stdout).username
    }
    expect(await who([])).toBe('bob')
    expect(await who(['--profile', 'prod'])).toBe('alice')
    expect(await who([], { HORIZON_PROFILE: 'ci' })).toBe('carol')
    // A flag beats the environment, which beats the profile.
    expect(await who(['--profile', 'ci', '--user', 'alice'])).toBe('alice')
    expect(await who(['--profile', 'prod'], { HORIZON_USER: 'carol' })).toBe('carol')
    const missing = await horizon(['whoami', '--profile', 'staging'], { env })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/No profile "staging" in .*config\.json \(profiles: default, prod, ci\)/)
    // The token of a profile is never printed, whatever happens.
    expect(missing.stderr).not.toContain(token)
  })
  it('the config file under $XDG_CONFIG_HOME/horizon/config.json', async () => {
    const xdg = join(dir, 'xdg')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(xdg, 'horizon'), { recursive: true })
    writeFileSync(join(xdg, 'horizon', 'config.json'), JSON.stringify({ profiles: { dev: { url: server.url } } }))
    expect(await horizon(['ping', '--profile', 'dev'], { env: { XDG_CONFIG_HOME: xdg } })).toMatchObject({
      code: 0,
      stdout: 'ok\n',
    })
    writeFileSync(join(xdg, 'horizon', 'config.json'), '{"profiles": {"dev": {"url": 1}}}')
    const bad = await horizon(['ping', '--profile', 'dev'], { env: { XDG_CONFIG_HOME: xdg } })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/profile "dev" takes string fields/)
  })
  it('no server, or no login for a command that needs one, is a usage error (2)', async () => {
    expect((await horizon(['ping'])).code).toBe(2)
    const r = await horizon(['whoami', '--url', server.url])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/Not logged in/)
    const noPassword = await horizon(['whoami', '--url', server.url, '--user', 'alice'])
    expect(noPassword.code).toBe(2)
    expect(noPassword.stderr).toMatch(/No password for alice: set HORIZON_PASSWORD/)
  })
  it('asks for the password on a terminal, without echoing it', async () => {
    const stdin = new PassThrough()
    let stdout = ''
    let stderr = ''
    const ran = run(['whoami', '--json', '--url', server.url, '--user', 'alice'], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      stdin,
      env: {},
      isTTY: { stdin: true, stderr: true },
    })
    setTimeout(() => stdin.write('demo\n'), 50)
    expect(await ran).toBe(0)
    expect(JSON.parse(stdout).username).toBe('alice')
    expect(stderr).toBe('Password for alice: \n')
    expect(stderr).not.toContain('demo')
  })
})

describe('secrets are never printed', () => {
  const secret = 'S3cr3t-passw0rd!'
  it('a refused login exits 4 and names neither the password nor any token', async () => {
    // The dev server takes any password (Horizon's dummy provider): its fault controller refuses the login.
    server.faults.add({ path: '/v1/auth/token', kind: 'status', status: 401, times: 3 })
    for (const args of [
      ['whoami', '--url', server.url, '--user', 'alice', '--password', secret],
      ['whoami', `--password=${secret}`, '--url', server.url, '--user', 'alice', '--json'],
    ]) {
      const r = await horizon(args)
      expect(r.code).toBe(4)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^horizon: /)
      expect(r.stderr).not.toContain(secret)
    }
    const env = { HORIZON_URL: server.url, HORIZON_USER: 'alice', HORIZON_PASSWORD: secret }
    const r = await horizon(['ns', 'list'], { env })
    expect(r.code).toBe(4)
    expect(`${r.stdout}${r.stderr}`).not.toContain(secret)
    server.faults.clear()
    // Even a message that would quote it (a namespace named like the password) shows it redacted.
    const quoted = await horizon(['ns', 'get', secret], { env })
    expect(quoted).toEqual({ code: 3, stdout: '', stderr: 'horizon: Namespace "[REDACTED]" not found\n' })
    const fine = await horizon(['hwm', 'get', 'etl_sales', 'nope', '--json'], { env })
    expect(fine.code).toBe(3)
    expect(`${fine.stdout}${fine.stderr}`).not.toContain(secret)
  })
  it('a token that works, or is refused, never appears in stdout or stderr', async () => {
    const token = await tokenOf('alice')
    for (const args of [
      ['whoami', '--json'],
      ['ns', 'list', '--json'],
      ['hwm', 'get', 'etl_sales', 'nope'],
      ['ns', 'get', 'x'],
    ]) {
      const r = await horizon([...args, '--url', server.url, '--token', token])
      expect(`${r.stdout}${r.stderr}`).not.toContain(token)
    }
    const refused = await horizon(['whoami', '--url', server.url, '--token', `${token}x`])
    expect(refused.code).toBe(4)
    expect(refused.stderr).not.toContain(token)
    // A usage error naming the options keeps the secret out too.
    const usage = await horizon(['whoami', '--token', token, '--bogus'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).not.toContain(token)
  })
  it('the password a login uses never appears, with the issued token, in any output of a session', async () => {
    const env = { HORIZON_URL: server.url, HORIZON_USER: 'alice', HORIZON_PASSWORD: 'demo' }
    const issued = await tokenOf('alice') // issued for the same user: the CLI's own token is another, checked by shape below
    let all = ''
    for (const args of [
      ['whoami'],
      ['ns', 'list', '--json'],
      ['export', 'etl_sales'],
      ['hwm', 'get', 'etl_sales', 'nope'],
    ]) {
      const r = await horizon(args, { env })
      all += r.stdout + r.stderr
    }
    expect(all).not.toContain(issued)
    expect(all).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/) // no JWT of any login
    expect(all).not.toMatch(/password/i)
  })
})

describe('exit codes and usage', () => {
  it('a closed port is a network error (6)', async () => {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const { port } = probe.address() as { port: number }
    await new Promise((resolve) => probe.close(resolve))
    const r = await horizon(['ping', '--url', `http://127.0.0.1:${port}`])
    expect(r.code).toBe(6)
    expect(r.stderr).toMatch(/^horizon: /)
  })
  it('a value refused by the client before sending is a validation error (5)', async () => {
    const env = { HORIZON_URL: server.url, HORIZON_USER: 'alice', HORIZON_PASSWORD: 'demo' }
    const r = await horizon(['hwm', 'set', 'etl_sales', 'cli_long', '1', '--type', 't'.repeat(65)], { env })
    expect(r.code).toBe(5)
    expect(r.stderr).toMatch(/type/)
  })
  it('unknown commands and options, missing and extra arguments are usage errors (2) with a pointer to --help', async () => {
    for (const args of [
      ['bogus'],
      ['hwm', 'bogus'],
      ['ping', '--nope'],
      ['ping', '--all'],
      ['hwm', 'get', 'ns'],
      ['ping', 'extra'],
      ['ns', 'list', '--page', '0'],
    ]) {
      const r = await horizon(args, { env: { HORIZON_URL: server.url } })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^horizon: [\s\S]*\nSee: horizon .*--help\n$/)
    }
    expect((await horizon(['hwm', 'get', 'ns'])).stderr).toMatch(/Missing NAME/)
    expect((await horizon(['ping', '--all'])).stderr).toMatch(/horizon ping takes no --all/)
  })
  it('--help for the program, each group and every command, with examples; --version', async () => {
    const main = await horizon(['--help'])
    expect(main.code).toBe(0)
    for (const cmd of COMMANDS) {
      expect(main.stdout).toContain(`horizon ${cmd.name}`)
      const r = await horizon([...cmd.name.split(' '), '--help'])
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(new RegExp(`^Usage: horizon ${cmd.name}`))
      expect(r.stdout).toMatch(/Examples?:\n {2}(\S+=\S+ )?horizon /)
      expect(r.stdout).toContain(`HORIZON_URL`)
      expect(await horizon(['help', ...cmd.name.split(' ')])).toEqual(r)
    }
    expect((await horizon(['hwm', '--help'])).stdout).toMatch(/horizon hwm set NS NAME VALUE/)
    expect((await horizon(['hwm'])).code).toBe(2)
    expect((await horizon([])).code).toBe(2)
    expect((await horizon(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})
