import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Api, type Client, connect, createNamespace, uniq } from './http'
import { isRemote, startTarget, type Target } from './target'

/** What the real server generates: a UUIDv7 as 32 lowercase hex digits. */
const GENERATED = /^[0-9a-f]{12}7[0-9a-f]{19}$/

describe('headers: X-Request-ID and X-Application-Version', () => {
  let t: Target
  let h: Client
  let alice: Api
  let nsId: number
  beforeAll(async () => {
    t = await startTarget()
    h = connect(t.baseUrl)
    alice = await h.as(uniq('alice'))
    nsId = (await createNamespace(alice)).id
  })
  afterAll(() => t.close())

  /** One request of each kind: success, 204, application error, validation error, routing error, redirect. */
  const requests = () =>
    [
      ['GET', '/monitoring/ping', undefined, 200],
      ['GET', `/v1/namespaces/${nsId}`, alice.token, 200],
      ['DELETE', '/v1/hwm/', alice.token, 204],
      ['GET', '/v1/users/me', undefined, 401],
      ['GET', '/v1/hwm/999999999', alice.token, 404],
      ['GET', '/v1/namespaces/?page_size=51', alice.token, 422],
      ['GET', '/v1/nope', undefined, 404],
      ['PUT', '/v1/namespaces/', undefined, 405],
      ['GET', '/v1/namespaces', undefined, 307],
    ] as const

  const send = (method: string, path: string, token: string | undefined, headers: Record<string, string> = {}) =>
    h.request(method, path, {
      token,
      headers,
      json: method === 'DELETE' ? { namespace_id: nsId, hwm_ids: [999999999] } : undefined,
    })

  it('echoes the X-Request-ID sent, whatever it looks like, on every kind of answer', async () => {
    for (const [method, path, token, status] of requests()) {
      const id = `${uniq('req')}-Any.Value:1`
      const res = await send(method, path, token, { 'X-Request-ID': id })
      expect(res.status, `${method} ${path}`).toBe(status)
      expect(res.headers.get('x-request-id'), `${method} ${path}`).toBe(id)
    }
  })

  it('generates a new X-Request-ID (a UUIDv7 in hex) when none is sent', async () => {
    const seen = new Set<string>()
    for (const [method, path, token, status] of requests()) {
      const res = await send(method, path, token)
      expect(res.status, `${method} ${path}`).toBe(status)
      const id = res.headers.get('x-request-id') ?? ''
      expect(id, `${method} ${path}`).toMatch(GENERATED)
      seen.add(id)
    }
    expect(seen.size).toBe(requests().length)
  })

  it('sends X-Application-Version on every kind of answer', async () => {
    for (const [method, path, token, status] of requests()) {
      const res = await send(method, path, token)
      expect(res.status).toBe(status)
      const version = res.headers.get('x-application-version')
      if (isRemote) expect(version, `${method} ${path}`).toMatch(/^\d+\.\d+\.\d+/)
      else expect(version, `${method} ${path}`).toBe('1.1.3')
    }
  })

  it('answers JSON as application/json, and 204 without a body', async () => {
    const ok = await alice.get(`/v1/namespaces/${nsId}`)
    expect(ok.headers.get('content-type')).toBe('application/json')
    const err = await alice.get('/v1/hwm/999999999')
    expect(err.headers.get('content-type')).toBe('application/json')
    const empty = await send('DELETE', '/v1/hwm/', alice.token)
    expect(empty.status).toBe(204)
    expect(empty.text).toBe('')
  })
})
