import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invalid, issue, unauthorized } from './errors'
import { type Api, type Client, connect, uniq } from './http'
import { startTarget, type Target } from './target'

describe('routing: FastAPI-shaped 404, 405 and slash redirects', () => {
  let t: Target
  let h: Client
  let alice: Api
  beforeAll(async () => {
    t = await startTarget()
    h = connect(t.baseUrl)
    alice = await h.as(uniq('alice'))
  })
  afterAll(() => t.close())

  it.each(['/v1/nope', '/nope', '/v1/namespaces/1/nope', '/v2/namespaces/', '/monitoring/nope'])(
    'answers 404 {"detail":"Not Found"} to an unknown path: %s',
    async (path) => {
      for (const token of [undefined, alice.token]) {
        const res = await h.request('GET', path, { token })
        expect(res.status).toBe(404)
        expect(res.headers.get('content-type')).toBe('application/json')
        expect(res.body).toStrictEqual({ detail: 'Not Found' })
      }
    },
  )

  it.each([
    ['PUT', '/v1/namespaces/'],
    ['DELETE', '/v1/namespaces/'],
    ['PUT', '/v1/namespaces/1'],
    ['POST', '/v1/namespaces/1'],
    ['PUT', '/v1/hwm/1'],
    ['PATCH', '/v1/hwm/'],
    ['DELETE', '/v1/hwm-history/'],
    ['POST', '/v1/namespace-history/'],
    ['POST', '/v1/users/me'],
    ['GET', '/v1/auth/token'],
    ['POST', '/monitoring/ping'],
    ['DELETE', '/v1/namespaces/1/permissions'],
  ])('answers 405 {"detail":"Method Not Allowed"} to %s %s', async (method, path) => {
    const res = await h.request(method, path, { token: alice.token, json: method === 'GET' ? undefined : {} })
    expect(res.status).toBe(405)
    expect(res.body).toStrictEqual({ detail: 'Method Not Allowed' })
  })

  it.each([
    ['/v1/namespaces', '/v1/namespaces/'],
    ['/v1/namespaces?page=2&page_size=3', '/v1/namespaces/?page=2&page_size=3'],
    ['/v1/hwm?namespace_id=1&name=x', '/v1/hwm/?namespace_id=1&name=x'],
    ['/v1/hwm-history?hwm_id=1', '/v1/hwm-history/?hwm_id=1'],
    ['/v1/namespace-history?namespace_id=1', '/v1/namespace-history/?namespace_id=1'],
    ['/v1/users/me/', '/v1/users/me'],
    ['/v1/hwm/5/', '/v1/hwm/5'],
  ])('redirects %s with 307 to %s, before authentication', async (from, to) => {
    for (const token of [undefined, alice.token]) {
      const res = await h.request('GET', from, { token })
      expect(res.status).toBe(307)
      expect(new URL(res.headers.get('location') ?? '', t.baseUrl + from).href).toBe(t.baseUrl + to)
    }
  })

  it('redirects writes with 307 too (the method and body are to be kept)', async () => {
    const res = await alice.post('/v1/namespaces', { name: uniq('ns') })
    expect(res.status).toBe(307)
    expect(new URL(res.headers.get('location') ?? '', t.baseUrl).href).toBe(`${t.baseUrl}/v1/namespaces/`)
    const del = await alice.delete('/v1/hwm', { namespace_id: 1, hwm_ids: [1] })
    expect(del.status).toBe(307)
  })

  it('routes GET /v1/hwm/copy to GET /v1/hwm/{hwm_id}: 422 on the path id (401 first without a token)', async () => {
    const res = await alice.get('/v1/hwm/copy')
    expect(res.status).toBe(422)
    expect(res.body).toEqual(
      invalid(
        issue(
          ['path', 'hwm_id'],
          'int_parsing',
          'Input should be a valid integer, unable to parse string as an integer',
          'copy',
        ),
      ),
    )
    const anon = await h.api().get('/v1/hwm/copy')
    expect(anon.status).toBe(401)
    expect(anon.body).toEqual(unauthorized('Not authenticated'))
  })
})
