import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { call } from './server-helpers.js'

const preflight = (url: string, origin: string, headers = 'authorization,content-type') =>
  call(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'PATCH', 'access-control-request-headers': headers },
  })

describe('CORS', () => {
  let server: HorizonServer
  let open: HorizonServer
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0 })
    open = await startHorizonServer({ port: 0, cors: { origins: '*' } })
  })
  afterAll(async () => {
    await server.close()
    await open.close()
  })

  it('answers a preflight from the Vite dev server by default', async () => {
    const res = await preflight(`${server.url}/v1/hwm/1`, 'http://localhost:5173')
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH')
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization.*Content-Type.*X-Request-ID/)
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/)
  })

  it('refuses a preflight from another origin or with other headers, as Starlette does', async () => {
    const foreign = await preflight(`${server.url}/v1/hwm/1`, 'http://evil.example')
    expect(foreign.status).toBe(400)
    expect(foreign.text).toBe('Disallowed CORS origin')
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    const headers = await preflight(`${server.url}/v1/hwm/1`, 'http://127.0.0.1:4173', 'x-custom')
    expect(headers.status).toBe(400)
    expect(headers.text).toBe('Disallowed CORS headers')
  })

  it('adds allow and expose headers to answers, errors included, for allowed origins only', async () => {
    const res = await call(`${server.url}/v1/users/me`, { headers: { origin: 'http://127.0.0.1:5173' } })
    expect(res.status).toBe(401)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173')
    expect(res.headers.get('access-control-expose-headers')).toBe('X-Request-ID, X-Application-Version')
    const other = await call(`${server.url}/monitoring/ping`, { headers: { origin: 'http://evil.example' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  it("allows any origin with origins: '*'", async () => {
    const res = await preflight(`${open.url}/v1/namespaces/`, 'http://anywhere.example')
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('answers OPTIONS without a preflight like any unknown method: 405', async () => {
    expect((await call(`${server.url}/v1/namespaces/`, { method: 'OPTIONS' })).status).toBe(405)
  })
})
