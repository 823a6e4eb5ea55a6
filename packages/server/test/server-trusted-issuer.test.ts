/**
 * `trustIssuer` / `--trust-*`: the server accepts the access tokens of a real OpenID provider on
 * 127.0.0.1 (oidc-provider, and a small jose issuer for the tokens a provider would not sign), names
 * the user by the claim and creates it on first sight; every bad token answers exactly what an
 * invalid token answers; the server's own tokens work alongside without asking the issuer.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { decodeJwt } from 'jose'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createHorizonApp, inProcessFetch } from '../src/app-entry.js'
import { cliOptions, runCli } from '../src/cli.js'
import { type HorizonServer, startHorizonServer } from '../src/start.js'
import { type Answer, call, client, login } from './server-helpers.js'
import {
  HORIZON_RESOURCE,
  type JoseIssuer,
  type OidcProvider,
  OTHER_RESOURCE,
  signingKey,
  startJoseIssuer,
  startOidcProvider,
} from './trusted-issuers.js'

const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const coreBuilt = fileURLToPath(new URL('../../core/dist/constraints.js', import.meta.url))

/** What the answer of a refused token is compared on: all of it but the per-request headers. */
const shape = (a: Answer) => ({
  status: a.status,
  text: a.text,
  contentType: a.headers.get('content-type'),
  wwwAuthenticate: a.headers.get('www-authenticate'),
})

/** The console while `run` runs: every line written, to check that no token is in it. */
async function consoleDuring<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = []
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '))
    }),
  )
  try {
    return { result: await run(), lines }
  } finally {
    for (const spy of spies) spy.mockRestore()
  }
}

describe('trustIssuer with oidc-provider: a JWT access token for the resource, by client_credentials', () => {
  let op: OidcProvider
  let server: HorizonServer
  beforeAll(async () => {
    op = await startOidcProvider()
    server = await startHorizonServer({ trustIssuer: { issuer: op.url, audience: HORIZON_RESOURCE } })
  })
  afterAll(async () => {
    await server?.close()
    await op?.close()
  })

  it('answers /v1/users/me as the claim’s user, created on first sight, who creates and owns a namespace', async () => {
    const token = await op.token(HORIZON_RESOURCE)
    const claims = decodeJwt(token)
    expect(claims).toMatchObject({ iss: op.url, aud: HORIZON_RESOURCE, preferred_username: 'service-account-etl-job' })

    const api = client(server.url, token)
    const me = await api.get('/v1/users/me')
    expect(me.status, me.text).toBe(200)
    expect(me.body).toEqual({ id: 1, username: 'service-account-etl-job' })
    expect((await api.get('/v1/users/me')).body).toEqual(me.body) // the same user, not a new one

    const created = await api.post('/v1/namespaces/', { name: 'sso_team', description: 'made with an SSO token' })
    expect(created.status, created.text).toBe(201)
    expect(created.body).toMatchObject({ name: 'sso_team', owned_by: 'service-account-etl-job' })
    const read = await api.get(`/v1/namespaces/${created.body.id}`)
    expect(read.body.owned_by).toBe('service-account-etl-job')
    const hwm = await api.post('/v1/hwm/', { namespace_id: created.body.id, name: 'offset', type: 'int', value: 1 })
    expect(hwm.status, hwm.text).toBe(201)
    expect(hwm.body.changed_by).toBe('service-account-etl-job')

    // A login of the same name is the same user: the login and the token meet in one table.
    const own = await login(server.url, 'service-account-etl-job')
    expect((await client(server.url, own).get('/v1/users/me')).body).toEqual(me.body)
  })

  it('answers a token for another resource (wrong audience) exactly as an invalid token', async () => {
    const invalid = shape(await call(`${server.url}/v1/users/me`, { token: 'not-a-jwt' }))
    expect(invalid).toEqual({
      status: 401,
      text: '{"error":{"code":"unauthorized","message":"Invalid token","details":null}}',
      contentType: 'application/json',
      wwwAuthenticate: null,
    })
    const other = await op.token(OTHER_RESOURCE)
    expect(decodeJwt(other).aud).toBe(OTHER_RESOURCE)
    expect(shape(await call(`${server.url}/v1/users/me`, { token: other }))).toEqual(invalid)
  })
})

describe('trustIssuer with a jose issuer: every bad token is an invalid token', () => {
  let issuer: JoseIssuer
  let stranger: JoseIssuer
  let server: HorizonServer
  let invalid: ReturnType<typeof shape>
  const me = (token: string) => call(`${server.url}/v1/users/me`, { token })

  beforeAll(async () => {
    issuer = await startJoseIssuer()
    stranger = await startJoseIssuer()
    server = await startHorizonServer({ trustIssuer: { issuer: issuer.url, audience: ['horizon', 'horizon-alt'] } })
    invalid = shape(await me('not-a-jwt'))
  })
  afterAll(async () => {
    await server?.close()
    await issuer?.close()
    await stranger?.close()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('accepts a valid token, for any of the audiences, and remembers a verified token', async () => {
    const token = await issuer.sign({ aud: 'horizon', preferred_username: 'carol', sub: 'c-1' })
    expect((await me(token)).body).toEqual({ id: 1, username: 'carol' })
    const alt = await issuer.sign({ aud: ['x', 'horizon-alt'], preferred_username: 'carol' })
    expect((await me(alt)).body).toEqual({ id: 1, username: 'carol' })
    const { jwks, discovery } = issuer.hits
    expect([discovery, jwks]).toEqual([1, 1]) // discovered once, JWKS fetched once
    expect((await me(token)).body).toEqual({ id: 1, username: 'carol' })
    expect(issuer.hits).toEqual({ discovery, jwks })
  })

  it('answers wrong audience, no audience, expired, not yet valid, bad signature, wrong issuer and a missing or empty claim as an invalid token, logging no token', async () => {
    const now = Math.floor(Date.now() / 1000)
    const unpublished = await signingKey('k1') // the published kid, another key
    const good = await issuer.sign({ aud: 'horizon', preferred_username: 'dave' })
    const [header, payload, signature] = good.split('.')
    const tampered = `${header}.${Buffer.from(
      JSON.stringify({ ...decodeJwt(good), preferred_username: 'admin' }),
    ).toString('base64url')}.${signature}`
    const bad: Record<string, string> = {
      'wrong audience': await issuer.sign({ aud: 'account', preferred_username: 'dave' }),
      'no audience': await issuer.sign({ preferred_username: 'dave' }),
      expired: await issuer.sign({ aud: 'horizon', preferred_username: 'dave', iat: now - 600, exp: now - 60 }),
      'not yet valid': await issuer.sign({ aud: 'horizon', preferred_username: 'dave', nbf: now + 600 }),
      'no exp': await issuer.sign({ aud: 'horizon', preferred_username: 'dave', exp: undefined }),
      'signed by another key': await issuer.sign({ aud: 'horizon', preferred_username: 'dave' }, unpublished),
      'payload changed after signing': tampered,
      'wrong issuer (a stranger)': await stranger.sign({ aud: 'horizon', preferred_username: 'dave' }),
      'iss of the stranger, signed by the trusted key': await issuer.sign({
        iss: stranger.url,
        aud: 'horizon',
        preferred_username: 'dave',
      }),
      'claim missing': await issuer.sign({ aud: 'horizon', sub: 'dave' }),
      'claim empty': await issuer.sign({ aud: 'horizon', preferred_username: '' }),
      'claim not a string': await issuer.sign({ aud: 'horizon', preferred_username: 42 }),
      'signature stripped (alg none)': `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`,
    }
    const { result, lines } = await consoleDuring(async () => {
      const answers: Record<string, ReturnType<typeof shape>> = {}
      for (const [name, token] of Object.entries(bad)) answers[name] = shape(await me(token))
      return answers
    })
    for (const name of Object.keys(bad)) expect(result[name], name).toEqual(invalid)
    expect(lines).toEqual([]) // a bad token is not the server's trouble: nothing logged
    expect(stranger.hits).toEqual({ discovery: 0, jwks: 0 }) // another issuer's token fetches nothing
    // The control: the same claims, signed and checked as they should be, are accepted.
    expect((await me(good)).body).toEqual({ id: 2, username: 'dave' })
  })

  it('accepts a token signed with a rotated key (a new kid in the JWKS) once jose may fetch the JWKS again', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })
    const first = await issuer.sign({ aud: 'horizon', preferred_username: 'erin' })
    expect((await me(first)).body).toMatchObject({ username: 'erin' })
    const fetched = issuer.hits.jwks
    const k2 = await issuer.rotate('k2')
    const second = await issuer.sign({ aud: 'horizon', preferred_username: 'erin' }, k2)
    // jose refetches the JWKS for an unknown kid, but not within 30 s of the last fetch (its cooldown).
    expect(shape(await me(second))).toEqual(invalid)
    expect(issuer.hits.jwks).toBe(fetched)
    vi.setSystemTime(Date.now() + 31_000)
    expect((await me(second)).body).toMatchObject({ username: 'erin' })
    expect(issuer.hits.jwks).toBe(fetched + 1)
    // The old key still verifies while the JWKS publishes it.
    expect((await me(await issuer.sign({ aud: 'horizon', preferred_username: 'erin' }, issuer.keys[0]))).status).toBe(
      200,
    )
  })

  it("keeps the server's own tokens working alongside, without asking the issuer", async () => {
    const hits = { ...issuer.hits }
    const own = await login(server.url, 'frank')
    const api = client(server.url, own)
    expect((await api.get('/v1/users/me')).body).toMatchObject({ username: 'frank' })
    expect((await api.post('/v1/namespaces/', { name: 'own_token_ns' })).body.owned_by).toBe('frank')
    expect(issuer.hits).toEqual(hits)
    // Other answers of the header stay as they were.
    expect((await call(`${server.url}/v1/users/me`)).body.error.message).toBe('Not authenticated')
    expect((await call(`${server.url}/v1/users/me`, { headers: { authorization: 'Bearer ' } })).status).toBe(401)
  })
})

describe('trustIssuer: claim, jwksUri, an issuer that cannot be reached, in process', () => {
  let issuer: JoseIssuer
  beforeAll(async () => {
    issuer = await startJoseIssuer()
  })
  afterAll(async () => {
    await issuer?.close()
  })

  it('names the user by `claim` (here sub) and fetches the given jwksUri without discovery', async () => {
    const server = await startHorizonServer({
      trustIssuer: { issuer: issuer.url, claim: 'sub', jwksUri: `${issuer.url}/jwks` },
    })
    try {
      const discovery = issuer.hits.discovery
      const token = await issuer.sign({ sub: 'svc-loader', preferred_username: 'ignored' })
      expect((await call(`${server.url}/v1/users/me`, { token })).body).toEqual({ id: 1, username: 'svc-loader' })
      expect(issuer.hits.discovery).toBe(discovery)
    } finally {
      await server.close()
    }
  })

  it('answers "Invalid token" while the issuer is unreachable and logs one line, with no token in it', async () => {
    const gone = await startJoseIssuer()
    const token = await gone.sign({ preferred_username: 'gina' })
    await gone.close()
    const server = await startHorizonServer({ trustIssuer: { issuer: gone.url } })
    try {
      const invalid = shape(await call(`${server.url}/v1/users/me`, { token: 'not-a-jwt' }))
      const { result, lines } = await consoleDuring(async () => [
        shape(await call(`${server.url}/v1/users/me`, { token })),
        shape(await call(`${server.url}/v1/users/me`, { token })),
      ])
      expect(result).toEqual([invalid, invalid])
      expect(lines).toHaveLength(1) // once per failure, not per request
      expect(lines[0]).toMatch(
        new RegExp(`^\\[horizon-server\\] trusted issuer ${gone.url}: ${gone.url}/.well-known/openid-configuration: `),
      )
      expect(lines.join('\n')).not.toContain(token.split('.')[2])
    } finally {
      await server.close()
    }
  })

  it('createHorizonApp trusts an issuer too (jose on Web APIs: the JWKS over fetch, WebCrypto)', async () => {
    const app = createHorizonApp({ trustIssuer: { issuer: issuer.url, audience: 'horizon' } })
    const fetchApp = inProcessFetch(app)
    const token = await issuer.sign({ aud: 'horizon', preferred_username: 'hank' })
    const res = await fetchApp('http://horizon.test/v1/users/me', { headers: { authorization: `Bearer ${token}` } })
    expect(await res.json()).toEqual({ id: 1, username: 'hank' })
  })

  it('refuses a bad option with a TypeError naming the field', () => {
    expect(() => createHorizonApp({ trustIssuer: { issuer: 'not a url' } })).toThrow(/trustIssuer.issuer/)
    expect(() => createHorizonApp({ trustIssuer: { issuer: 'ftp://idp.example' } })).toThrow(TypeError)
    expect(() => createHorizonApp({ trustIssuer: { issuer: issuer.url, audience: [] } })).toThrow(
      /trustIssuer.audience/,
    )
    expect(() => createHorizonApp({ trustIssuer: { issuer: issuer.url, claim: '' } })).toThrow(/trustIssuer.claim/)
    expect(() => createHorizonApp({ trustIssuer: { issuer: issuer.url, jwksUri: '/jwks' } })).toThrow(
      /trustIssuer.jwksUri/,
    )
  })
})

describe('--trust-* flags', () => {
  it('map to trustIssuer, and need --trust-issuer', () => {
    expect(cliOptions([])?.trustIssuer).toBeUndefined()
    expect(cliOptions(['--trust-issuer', 'http://idp.test/realms/etl'])?.trustIssuer).toEqual({
      issuer: 'http://idp.test/realms/etl',
    })
    expect(
      cliOptions([
        '--trust-issuer=http://idp.test/realms/etl',
        '--trust-audience',
        'horizon',
        '--trust-claim',
        'email',
        '--trust-jwks-uri',
        'http://idp.test/certs',
      ])?.trustIssuer,
    ).toEqual({
      issuer: 'http://idp.test/realms/etl',
      audience: 'horizon',
      claim: 'email',
      jwksUri: 'http://idp.test/certs',
    })
    expect(
      cliOptions(['--trust-issuer', 'http://idp.test', '--trust-audience', 'a', '--trust-audience', 'b'])?.trustIssuer
        ?.audience,
    ).toEqual(['a', 'b'])
    expect(() => cliOptions(['--trust-audience', 'horizon'])).toThrow('--trust-audience needs --trust-issuer')
    expect(() => cliOptions(['--trust-claim', 'sub'])).toThrow('--trust-claim needs --trust-issuer')
  })

  it('runCli says whom it trusts, and refuses a bad issuer', async () => {
    const lines: string[] = []
    const server = await runCli(
      ['--port', '0', '--seed', 'empty', '--trust-issuer', 'http://idp.test/realms/etl', '--trust-audience', 'horizon'],
      (l) => lines.push(l),
    )
    await server?.close()
    expect(lines).toContain(
      'Trusting access tokens of http://idp.test/realms/etl (audience horizon; user: preferred_username claim)',
    )
    await expect(runCli(['--port', '0', '--trust-issuer', 'idp.test'], () => {})).rejects.toThrow(/trustIssuer.issuer/)
  })

  it.skipIf(!existsSync(built) || !existsSync(coreBuilt))(
    'reach the option in the built dist/cli.js, which lists them in --help',
    { timeout: 20_000 },
    async () => {
      const help = spawn(process.execPath, [built, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] })
      let text = ''
      help.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString()
      })
      await new Promise((resolve) => help.once('exit', resolve))
      for (const flag of ['--trust-issuer <url>', '--trust-audience <aud>', '--trust-claim <name>', '--trust-jwks-uri'])
        expect(text).toContain(flag)

      const issuer = await startJoseIssuer()
      const child = spawn(
        process.execPath,
        [
          built,
          '--port',
          '0',
          '--seed',
          'empty',
          '--trust-issuer',
          issuer.url,
          '--trust-audience',
          'horizon',
          '--trust-claim',
          'email',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
      try {
        let out = ''
        const url = await new Promise<string>((resolve, reject) => {
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString()
            const m = /listening on (http:\/\/\S+)/.exec(out)
            if (m) resolve(m[1]!)
          })
          child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)))
        })
        const token = await issuer.sign({ aud: 'horizon', email: 'ivy@example.com' })
        expect((await call(`${url}/v1/users/me`, { token })).body).toEqual({ id: 1, username: 'ivy@example.com' })
        const wrong = await issuer.sign({ aud: 'other', email: 'ivy@example.com' })
        expect((await call(`${url}/v1/users/me`, { token: wrong })).body.error.message).toBe('Invalid token')
      } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
        await issuer.close()
      }
    },
  )
})
