/**
 * `/openapi.json` and `/docs` against the real Horizon 1.1.3: the same document byte for byte, the
 * same status codes, content types, `Allow` and redirects. The page itself differs on purpose (its
 * Swagger UI comes from this server, not a CDN). Skipped unless HORIZON_URL names a real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRemoteUrl } from '../../../../tests/support/target.js'
import { type HorizonServer, startHorizonServer } from '../../src/index.js'

const real = readRemoteUrl()

const PROBES: [method: string, path: string][] = [
  ['GET', '/openapi.json'],
  ['HEAD', '/openapi.json'],
  ['POST', '/openapi.json'],
  ['GET', '/openapi.json/'],
  ['GET', '/docs'],
  ['HEAD', '/docs'],
  ['DELETE', '/docs'],
  ['GET', '/docs/'],
  ['GET', '/docs/?q=1'],
  ['GET', '/docs/oauth2-redirect'],
  ['PATCH', '/docs/oauth2-redirect'],
  ['GET', '/docs/swagger-ui.css'],
]

async function observe(base: string, method: string, path: string) {
  const res = await fetch(`${base}${path}`, { method, redirect: 'manual' })
  await res.arrayBuffer()
  const location = res.headers.get('location')
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    allow: res.headers.get('allow'),
    location: location && new URL(location).pathname + new URL(location).search,
  }
}

describe.skipIf(!real)('/openapi.json and /docs against the real Horizon', () => {
  let ours: HorizonServer
  beforeAll(async () => {
    ours = await startHorizonServer({ port: 0 })
  })
  afterAll(async () => {
    await ours?.close()
  })

  it('serves the same OpenAPI document, byte for byte', async () => {
    const [theirs, mine] = await Promise.all([
      fetch(`${real}/openapi.json`).then((r) => r.text()),
      fetch(`${ours.url}/openapi.json`).then((r) => r.text()),
    ])
    expect(mine).toBe(theirs)
  })

  it.each(PROBES)('%s %s answers alike', async (method, path) => {
    const [theirs, mine] = await Promise.all([observe(real!, method, path), observe(ours.url, method, path)])
    expect(mine).toEqual(theirs)
  })
})
