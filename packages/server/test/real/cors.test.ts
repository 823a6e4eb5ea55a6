/**
 * `cors: 'horizon'` against the real Horizon 1.1.3 (its default CORS settings): the same requests,
 * preflights and simple requests with an Origin, sent to both; status, preflight body and every
 * CORS header (and Vary) must be the same. Skipped unless HORIZON_URL names a real server.
 *
 *   HORIZON_URL=http://127.0.0.1:8765 pnpm exec vitest run --project server test/real/cors.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRemoteUrl } from '../../../../tests/support/target.js'
import { type HorizonServer, startHorizonServer } from '../../src/index.js'

const real = readRemoteUrl()

interface Probe {
  name: string
  method: string
  path: string
  headers: Record<string, string>
}

const preflight = (name: string, path: string, method: string, origin: string, requested?: string): Probe => ({
  name,
  method: 'OPTIONS',
  path,
  headers: {
    origin,
    'access-control-request-method': method,
    ...(requested === undefined ? {} : { 'access-control-request-headers': requested }),
  },
})

const PROBES: Probe[] = [
  preflight('preflight GET, nothing requested', '/v1/namespaces/', 'GET', 'http://localhost:5173'),
  preflight(
    'preflight PATCH with the client headers',
    '/v1/hwm/1',
    'PATCH',
    'http://localhost:5173',
    'authorization,content-type',
  ),
  preflight('preflight GET with X-Request-ID', '/v1/namespaces/', 'GET', 'https://etl.example.com', 'x-request-id'),
  preflight(
    'preflight with the allowed headers',
    '/v1/namespaces/',
    'GET',
    'http://a.example',
    'X-Request-ID, X-Request-With, Content-Type',
  ),
  preflight(
    'preflight with an empty header name',
    '/v1/namespaces/',
    'GET',
    'http://a.example',
    'accept,,content-type',
  ),
  preflight('preflight DELETE from origin null', '/v1/hwm/1', 'DELETE', 'null'),
  preflight('preflight lower-case method', '/v1/namespaces/', 'get', 'http://a.example'),
  preflight('preflight of an unknown path', '/nope', 'GET', 'http://a.example'),
  preflight('preflight with an empty Origin', '/v1/namespaces/', 'GET', ''),
  { name: 'simple GET, 200', method: 'GET', path: '/monitoring/ping', headers: { origin: 'http://localhost:5173' } },
  { name: 'simple GET, 401', method: 'GET', path: '/v1/namespaces/', headers: { origin: 'http://localhost:5173' } },
  { name: 'simple GET, 404', method: 'GET', path: '/nope', headers: { origin: 'http://a.example' } },
  {
    name: 'simple GET with a cookie',
    method: 'GET',
    path: '/monitoring/ping',
    headers: { origin: 'http://a.example', cookie: 'a=b' },
  },
  {
    name: 'simple POST, 422',
    method: 'POST',
    path: '/v1/auth/token',
    headers: { origin: 'http://a.example', 'content-type': 'application/x-www-form-urlencoded' },
  },
  {
    name: 'OPTIONS with Origin, no preflight: 405',
    method: 'OPTIONS',
    path: '/v1/namespaces/',
    headers: { origin: 'http://a.example' },
  },
  { name: 'no Origin', method: 'GET', path: '/monitoring/ping', headers: {} },
]

/** What must match: the status, a preflight's body and content type, every CORS header and Vary. */
async function observe(base: string, probe: Probe) {
  const res = await fetch(`${base}${probe.path}`, {
    method: probe.method,
    headers: probe.headers,
    body: probe.method === 'POST' ? '' : undefined,
    redirect: 'manual',
  })
  const text = await res.text()
  const isPreflight = probe.method === 'OPTIONS' && 'access-control-request-method' in probe.headers
  const headers = Object.fromEntries(
    [...res.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'),
  )
  return {
    status: res.status,
    ...(isPreflight ? { body: text, type: res.headers.get('content-type') } : {}),
    headers,
  }
}

describe.skipIf(!real)("cors: 'horizon' against the real Horizon's defaults", () => {
  let ours: HorizonServer
  beforeAll(async () => {
    ours = await startHorizonServer({ port: 0, cors: 'horizon' })
  })
  afterAll(async () => {
    await ours?.close()
  })

  it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    const [theirs, mine] = await Promise.all([observe(real!, probe), observe(ours.url, probe)])
    expect(mine).toEqual(theirs)
  })
})
