/**
 * The suites' target helper itself (tests/support/target.ts): local mode starts, serves, logs in and
 * closes; `HORIZON_URL` selects the remote mode, and `mode: 'local'` overrides it. Run in the `server`
 * vitest project: the helper is TypeScript over the dev server's sources (vitest's aliases), which
 * tests/repo's plain node:test cannot load on Node 20.
 */
import { readFileSync } from 'node:fs'
import type { HorizonServerOptions } from '@horizon-ts/server'
import { afterAll, describe, expect, it } from 'vitest'
import {
  LOCAL_DEFAULTS,
  localOptions,
  PASSWORD,
  RETRY,
  readRemoteUrl,
  serverArgs,
  startTarget,
} from '../../../../tests/support/target.js'
import { cliOptions } from '../../src/cli.js'

const ping = (url: string) => fetch(`${url}/monitoring/ping`).then((r) => r.json())

describe('local mode', () => {
  it('starts a dev server with the defaults, serves, logs in (admin a superadmin) and closes', async () => {
    const t = await startTarget({ horizonUrl: undefined })
    expect(t).toMatchObject({ kind: 'local', isRemote: false, adminUser: 'admin', password: PASSWORD })
    expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await ping(t.url)).toEqual({ status: 'ok' })
    const token = await t.login('admin')
    const me = await fetch(`${t.url}/v1/users/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(await me.json()).toMatchObject({ username: 'admin', is_admin: true })
    expect((await fetch(`${t.url}/v1/namespaces/`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
    expect(t.server?.requests.some((r) => r.path === '/v1/auth/token')).toBe(true)
    await t.close()
    await t.close() // twice is fine
    await expect(ping(t.url)).rejects.toThrow()
  })

  it("takes the suite's own options over the defaults (seed, superadmins, token lifetime)", async () => {
    const t = await startTarget({ mode: 'local', seed: 'demo', superadmins: ['root'], tokenTtlSeconds: 5 })
    try {
      expect(t.adminUser).toBe('root')
      const token = await t.login('root')
      const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())
      expect(claims.exp - Date.now() / 1000).toBeGreaterThan(3)
      expect(claims.exp - Date.now() / 1000).toBeLessThanOrEqual(6)
      const page = await fetch(`${t.url}/v1/namespaces/?page_size=1`, { headers: { authorization: `Bearer ${token}` } })
      expect(((await page.json()) as { meta: { total_count: number } }).meta.total_count).toBeGreaterThan(0)
    } finally {
      await t.close()
    }
  })

  it('a refused login throws, naming the user and the status', async () => {
    const t = await startTarget({ mode: 'local' })
    try {
      await expect(t.login('')).rejects.toThrow(/login of {2}at .*: 401/)
    } finally {
      await t.close()
    }
  })
})

describe('remote mode', () => {
  // Any running server stands in for the remote Horizon.
  let stand: Awaited<ReturnType<typeof startTarget>> | undefined
  afterAll(() => stand?.close())

  it('reads HORIZON_URL: trailing slashes dropped, empty or unset means local', () => {
    expect(readRemoteUrl({ HORIZON_URL: 'http://127.0.0.1:8765//' })).toBe('http://127.0.0.1:8765')
    expect(readRemoteUrl({ HORIZON_URL: '' })).toBeUndefined()
    expect(readRemoteUrl({ HORIZON_URL: '  ' })).toBeUndefined()
    expect(readRemoteUrl({})).toBeUndefined()
  })

  it('points at HORIZON_URL without starting or stopping anything', async () => {
    stand = await startTarget({ mode: 'local' })
    const t = await startTarget({ horizonUrl: `${stand.url}/` })
    expect(t).toMatchObject({ kind: 'remote', isRemote: true, url: stand.url })
    expect(t.server).toBeUndefined()
    expect(t.adminUser).toBe(process.env.HORIZON_ADMIN_USER || undefined)
    expect(await t.login('alice')).toMatch(/^ey/)
    await t.close()
    expect(await ping(stand.url)).toEqual({ status: 'ok' }) // still up: close() leaves a remote alone
  })

  it("mode 'local' starts a dev server even when HORIZON_URL is set", async () => {
    stand ??= await startTarget({ mode: 'local' })
    const t = await startTarget({ mode: 'local', horizonUrl: stand.url })
    try {
      expect(t.kind).toBe('local')
      expect(t.url).not.toBe(stand.url)
    } finally {
      await t.close()
    }
  })
})

describe('one rule for every suite', () => {
  it('no retries; one password, not any username', () => {
    expect(RETRY).toBe(false)
    expect(PASSWORD).toBe(process.env.HORIZON_PASSWORD || 'any-password')
  })

  it('the CLI flags of serverArgs start the server startTarget would (the demo starts it as a process)', () => {
    const demo: HorizonServerOptions = {
      port: 4321,
      seed: 'demo',
      control: true,
      cors: { origins: ['http://127.0.0.1:4173'] },
    }
    expect(cliOptions(serverArgs(demo))).toMatchObject({ ...localOptions(demo), cors: demo.cors })
    expect(cliOptions(serverArgs())).toMatchObject({ ...LOCAL_DEFAULTS, control: false })
  })

  it("the demo's Playwright command starts the server its env.ts describes (SERVER_ARGS)", async () => {
    // The config builds its command by hand: read it, fill in the ports, and parse both the same way.
    process.env.E2E_APP_PORT ??= '4173'
    process.env.E2E_HORIZON_PORT ??= '8001'
    const env = await import('../../../../apps/demo/test/env.js')
    const config = readFileSync(new URL('../../../../apps/demo/playwright.config.ts', import.meta.url), 'utf8')
    const command = /command: `node "\$\{SERVER_CLI\}" ([^`]*)`/.exec(config)?.[1]
    expect(command, 'the dev-server command in apps/demo/playwright.config.ts').toBeDefined()
    const argv = command!
      .replace(/\$\{process\.env\.E2E_HORIZON_PORT\}/g, String(process.env.E2E_HORIZON_PORT))
      .replace(/\$\{APP_URL\}/g, env.APP_URL)
      .split(/\s+/)
    expect(cliOptions(argv)).toEqual(cliOptions(env.SERVER_ARGS))
  })
})
