/**
 * CORS modes over real HTTP: the dev preset (the default), 'horizon' (Horizon 1.1.3's defaults),
 * false, and settings as Horizon's HORIZON__SERVER__CORS__* would give them to Starlette's
 * CORSMiddleware. The headers expected are what Starlette 0.46 writes (read in its source, and
 * compared with the real server in test/real/cors.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliOptions } from '../src/cli.js'
import { type HorizonServer, type HorizonServerOptions, startHorizonServer } from '../src/index.js'
import { call } from './server-helpers.js'

const preflight = (
  url: string,
  origin: string,
  method = 'PATCH',
  headers: string | null = 'authorization,content-type',
) =>
  call(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      ...(headers === null ? {} : { 'access-control-request-headers': headers }),
    },
  })

/** The CORS headers of an answer, and Vary, by name. */
const corsHeaders = (headers: Headers) =>
  Object.fromEntries([...headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'))

const servers: HorizonServer[] = []
const start = async (options: HorizonServerOptions) => {
  const server = await startHorizonServer({ port: 0, ...options })
  servers.push(server)
  return server.url
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

describe("the dev preset (the default): Vite's origins may call everything", () => {
  let url: string
  beforeAll(async () => {
    url = await start({})
  })
  const server = () => servers.find((s) => s.url === url)!

  it('answers a preflight from the Vite dev server with every method and the headers the client sends', async () => {
    const res = await preflight(`${url}/v1/hwm/1`, 'http://localhost:5173')
    expect(res.status).toBe(200)
    expect(res.text).toBe('OK')
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(corsHeaders(res.headers)).toEqual({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-methods': 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT',
      'access-control-allow-headers':
        'Accept, Accept-Language, Authorization, Content-Language, Content-Type, X-Request-ID, X-Request-With',
      'access-control-max-age': '600',
      vary: 'Origin',
    })
    // the headers every answer carries are on preflights too, as on the real server
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/)
    expect(res.headers.get('x-application-version')).toBe('1.1.3')
  })

  it('accepts the preview port, 127.0.0.1, and header names in any case', async () => {
    for (const origin of ['http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:4173'])
      expect((await preflight(`${url}/v1/namespaces/`, origin, 'POST', 'Content-Type, X-REQUEST-ID')).status).toBe(200)
  })

  it('refuses a preflight from another origin or with other headers, naming what failed', async () => {
    const foreign = await preflight(`${url}/v1/hwm/1`, 'http://evil.example')
    expect(foreign.status).toBe(400)
    expect(foreign.text).toBe('Disallowed CORS origin')
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    expect(foreign.headers.get('vary')).toBe('Origin')
    const headers = await preflight(`${url}/v1/hwm/1`, 'http://127.0.0.1:4173', 'PATCH', 'x-custom')
    expect(headers.status).toBe(400)
    expect(headers.text).toBe('Disallowed CORS headers')
    // the origin is allowed, so it is named even though the preflight fails
    expect(headers.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173')
    const all = await preflight(`${url}/v1/hwm/1`, 'http://evil.example', 'TRACE', 'x-custom')
    expect(all.text).toBe('Disallowed CORS origin, method, headers')
    // Starlette splits on commas without dropping empty names: "a,,b" fails
    expect((await preflight(`${url}/v1/hwm/1`, 'http://localhost:5173', 'GET', 'accept,,content-type')).text).toBe(
      'Disallowed CORS headers',
    )
  })

  it('adds allow, expose (Retry-After included) and Vary to answers of allowed origins, errors included', async () => {
    const res = await call(`${url}/v1/users/me`, { headers: { origin: 'http://127.0.0.1:5173' } })
    expect(res.status).toBe(401)
    expect(corsHeaders(res.headers)).toEqual({
      'access-control-allow-origin': 'http://127.0.0.1:5173',
      'access-control-expose-headers': 'X-Request-ID, X-Application-Version, Retry-After',
      vary: 'Origin',
    })
  })

  it('exposes the headers to any origin but allows only its own, as Starlette does', async () => {
    const other = await call(`${url}/monitoring/ping`, { headers: { origin: 'http://evil.example' } })
    expect(other.status).toBe(200)
    expect(corsHeaders(other.headers)).toEqual({
      'access-control-expose-headers': 'X-Request-ID, X-Application-Version, Retry-After',
    })
  })

  it('adds nothing to a request without Origin, and treats an empty Origin as an origin', async () => {
    expect(corsHeaders((await call(`${url}/monitoring/ping`)).headers)).toEqual({})
    const empty = await call(`${url}/v1/namespaces/`, {
      method: 'OPTIONS',
      headers: { origin: '', 'access-control-request-method': 'GET' },
    })
    expect(empty.status).toBe(400)
    expect(empty.text).toBe('Disallowed CORS origin')
  })

  it('exposes Retry-After on a 503 with Retry-After, so the client can read it', async () => {
    server().faults.add({ path: '/v1/namespaces/', kind: 'status', status: 503, retryAfter: 2 })
    const res = await call(`${url}/v1/namespaces/`, { headers: { origin: 'http://localhost:5173' } })
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('2')
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After')
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
  })

  it('answers OPTIONS without a preflight like any unknown method: 405', async () => {
    expect((await call(`${url}/v1/namespaces/`, { method: 'OPTIONS' })).status).toBe(405)
    const origin = await call(`${url}/v1/namespaces/`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173' },
    })
    expect(origin.status).toBe(405)
    expect(origin.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
  })
})

describe("'horizon': Horizon 1.1.3's defaults, under which no browser may call", () => {
  let url: string
  beforeAll(async () => {
    url = await start({ cors: 'horizon' })
  })

  it('refuses every preflight: no origin is allowed, only GET, no Authorization', async () => {
    const get = await preflight(`${url}/v1/namespaces/`, 'http://localhost:5173', 'GET', null)
    expect(get.status).toBe(400)
    expect(get.text).toBe('Disallowed CORS origin')
    expect(corsHeaders(get.headers)).toEqual({
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers':
        'Accept, Accept-Language, Content-Language, Content-Type, X-Request-ID, X-Request-With',
      'access-control-max-age': '600',
      vary: 'Origin',
    })
    const patch = await preflight(`${url}/v1/hwm/1`, 'http://localhost:5173', 'PATCH', 'authorization,content-type')
    expect(patch.text).toBe('Disallowed CORS origin, method, headers')
    // X-Request-ID and X-Request-With are the headers it allows (asgi-correlation-id's advice)
    expect((await preflight(`${url}/v1/hwm/1`, 'http://a.example', 'GET', 'x-request-id, X-Request-With')).text).toBe(
      'Disallowed CORS origin',
    )
  })

  it('exposes X-Request-ID alone on answers, and allows no origin (no Retry-After: nobody could read it)', async () => {
    const res = await call(`${url}/v1/namespaces/`, { headers: { origin: 'http://localhost:5173' } })
    expect(res.status).toBe(401)
    expect(corsHeaders(res.headers)).toEqual({ 'access-control-expose-headers': 'X-Request-ID' })
  })
})

describe('settings as Horizon names them', () => {
  it('one origin over the horizon preset: a deployment with only ALLOW_ORIGINS set, Retry-After added', async () => {
    const url = await start({ cors: { preset: 'horizon', allowOrigins: ['https://etl.example.com'] } })
    const get = await preflight(`${url}/v1/namespaces/`, 'https://etl.example.com', 'GET', 'x-request-id')
    expect(get.status).toBe(200)
    expect(get.headers.get('access-control-allow-origin')).toBe('https://etl.example.com')
    // the client's bearer token is refused: Horizon's defaults do not allow Authorization
    expect((await preflight(`${url}/v1/namespaces/`, 'https://etl.example.com', 'GET', 'authorization')).text).toBe(
      'Disallowed CORS headers',
    )
    const res = await call(`${url}/monitoring/ping`, { headers: { origin: 'https://etl.example.com' } })
    expect(corsHeaders(res.headers)).toEqual({
      'access-control-allow-origin': 'https://etl.example.com',
      'access-control-expose-headers': 'X-Request-ID, Retry-After',
      vary: 'Origin',
    })
  })

  it("Horizon's documented development settings: '*' everywhere, the requested headers echoed", async () => {
    const url = await start({
      cors: {
        allowOrigins: ['*'],
        allowMethods: ['*'],
        allowHeaders: ['*'],
        exposeHeaders: ['X-Request-ID', 'Location', 'Access-Control-Allow-Credentials'],
      },
    })
    const res = await preflight(`${url}/v1/hwm/1`, 'http://anywhere.example', 'PATCH', 'Authorization, X-Anything')
    expect(res.status).toBe(200)
    expect(corsHeaders(res.headers)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT',
      'access-control-allow-headers': 'Authorization, X-Anything',
      'access-control-max-age': '600',
    })
    // nothing requested, nothing echoed
    const bare = await preflight(`${url}/v1/hwm/1`, 'http://anywhere.example', 'GET', null)
    expect(bare.headers.get('access-control-allow-headers')).toBeNull()
    const simple = await call(`${url}/monitoring/ping`, { headers: { origin: 'http://anywhere.example' } })
    expect(corsHeaders(simple.headers)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'X-Request-ID, Location, Access-Control-Allow-Credentials, Retry-After',
    })
    // with a cookie, '*' becomes the origin itself
    const cookie = await call(`${url}/monitoring/ping`, {
      headers: { origin: 'http://anywhere.example', cookie: 'a=b' },
    })
    expect(cookie.headers.get('access-control-allow-origin')).toBe('http://anywhere.example')
    expect(cookie.headers.get('vary')).toBe('Origin')
  })

  it('credentials and max age; credentials with any origin echo the origin', async () => {
    const url = await start({ cors: { allowOrigins: ['*'], allowCredentials: true, maxAge: 30 } })
    const res = await preflight(`${url}/v1/hwm/1`, 'http://anywhere.example', 'GET', 'authorization')
    expect(res.status).toBe(200)
    expect(corsHeaders(res.headers)).toMatchObject({
      'access-control-allow-origin': 'http://anywhere.example',
      'access-control-allow-credentials': 'true',
      'access-control-max-age': '30',
      vary: 'Origin',
    })
    const simple = await call(`${url}/monitoring/ping`, { headers: { origin: 'http://anywhere.example' } })
    expect(simple.headers.get('access-control-allow-credentials')).toBe('true')
    expect(simple.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('an origin regex matched in full, methods and headers of its own', async () => {
    const url = await start({
      cors: {
        allowOrigins: [],
        allowOriginRegex: 'https://[a-z]+\\.example\\.com',
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['Authorization'],
        exposeHeaders: [],
      },
    })
    const ok = await preflight(`${url}/v1/namespaces/`, 'https://etl.example.com', 'POST', 'authorization')
    expect(ok.status).toBe(200)
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET, POST')
    expect(ok.headers.get('access-control-allow-headers')).toBe(
      'Accept, Accept-Language, Authorization, Content-Language, Content-Type',
    )
    expect(
      (await preflight(`${url}/v1/namespaces/`, 'https://etl.example.com.evil', 'POST', 'authorization')).text,
    ).toBe('Disallowed CORS origin')
    expect((await preflight(`${url}/v1/hwm/1`, 'https://etl.example.com', 'PATCH', null)).text).toBe(
      'Disallowed CORS method',
    )
    // exposeHeaders: [] still exposes Retry-After, since an origin can be allowed
    const simple = await call(`${url}/monitoring/ping`, { headers: { origin: 'https://etl.example.com' } })
    expect(simple.headers.get('access-control-expose-headers')).toBe('Retry-After')
  })

  it("the first option's shape: { origins } is the dev preset with those origins", async () => {
    const url = await start({ cors: { origins: '*' } })
    const res = await preflight(`${url}/v1/namespaces/`, 'http://anywhere.example')
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('vary')).toBeNull()
  })

  it('refuses malformed settings at start', async () => {
    await expect(startHorizonServer({ cors: { maxAge: -1 } })).rejects.toThrow(/maxAge/)
    await expect(startHorizonServer({ cors: { allowOriginRegex: '(' } })).rejects.toThrow(/allowOriginRegex/)
    await expect(startHorizonServer({ cors: { origins: [], allowOrigins: [] } })).rejects.toThrow(/not both/)
    // @ts-expect-error: not a preset
    await expect(startHorizonServer({ cors: 'open' })).rejects.toThrow(/Unknown cors preset/)
  })
})

describe('cors: false', () => {
  it('adds no header and answers a preflight like any OPTIONS: 405', async () => {
    const url = await start({ cors: false })
    const res = await preflight(`${url}/v1/namespaces/`, 'http://localhost:5173', 'GET')
    expect(res.status).toBe(405)
    expect(corsHeaders(res.headers)).toEqual({})
    expect(
      corsHeaders((await call(`${url}/monitoring/ping`, { headers: { origin: 'http://localhost:5173' } })).headers),
    ).toEqual({})
  })
})

describe('the --cors flags', () => {
  it('pick a preset, or settings over one, with lists as Horizon reads them from its environment', () => {
    expect(cliOptions([])?.cors).toBeUndefined()
    expect(cliOptions(['--cors', 'horizon'])?.cors).toBe('horizon')
    expect(cliOptions(['--cors', 'off'])?.cors).toBe(false)
    expect(
      cliOptions([
        '--cors',
        'horizon',
        '--cors-allow-origins',
        'https://a.example, https://b.example',
        '--cors-allow-methods',
        '["GET","POST"]',
        '--cors-allow-headers',
        '*',
        '--cors-expose-headers',
        'X-Request-ID,Location',
        '--cors-allow-credentials',
        '--cors-max-age',
        '60',
        '--cors-allow-origin-regex',
        'https://.*',
      ])?.cors,
    ).toEqual({
      preset: 'horizon',
      allowOrigins: ['https://a.example', 'https://b.example'],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['*'],
      exposeHeaders: ['X-Request-ID', 'Location'],
      allowCredentials: true,
      maxAge: 60,
      allowOriginRegex: 'https://.*',
    })
    expect(cliOptions(['--cors-origin', 'http://x', '--cors-origin', 'http://y'])?.cors).toEqual({
      origins: ['http://x', 'http://y'],
    })
  })

  it('refuse an unknown preset and off with settings', () => {
    expect(() => cliOptions(['--cors', 'open'])).toThrow(/--cors must be/)
    expect(() => cliOptions(['--cors', 'off', '--cors-origin', 'http://x'])).toThrow(/--cors off/)
  })

  it("start the server they describe: --cors horizon answers as Horizon's defaults", async () => {
    const options = cliOptions(['--port', '0', '--cors', 'horizon'])
    const url = await start(options ?? {})
    const res = await call(`${url}/monitoring/ping`, { headers: { origin: 'http://localhost:5173' } })
    expect(corsHeaders(res.headers)).toEqual({ 'access-control-expose-headers': 'X-Request-ID' })
  })
})
