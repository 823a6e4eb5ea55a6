import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { call, client, login } from './server-helpers.js'

describe('fault injection', () => {
  let server: HorizonServer
  let alice: ReturnType<typeof client>
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0 })
    alice = client(server.url, await login(server.url, 'alice'))
  })
  afterAll(() => server.close())
  beforeEach(() => server.faults.clear())

  it('answers a status fault with the Horizon envelope, Retry-After and the usual headers', async () => {
    server.faults.add({ path: '/monitoring/ping', kind: 'status', status: 503, retryAfter: 7 })
    const res = await call(`${server.url}/monitoring/ping`, { headers: { 'x-request-id': 'fault-1' } })
    expect(res.status).toBe(503)
    expect(res.body).toEqual({ error: { code: 'service_unavailable', message: 'Service unavailable', details: null } })
    expect(res.headers.get('retry-after')).toBe('7')
    expect(res.headers.get('x-request-id')).toBe('fault-1')
    expect(res.headers.get('x-application-version')).toBe('1.1.3')
    expect((await call(`${server.url}/monitoring/ping`)).status).toBe(200) // times defaults to 1
  })

  it.each([
    [500, { code: 'unknown', message: 'Got unhandled exception. Please contact support', details: null }],
    [429, { code: 'too_many_requests', message: 'Too Many Requests', details: null }],
  ])('answers status %i with its envelope', async (status, error) => {
    server.faults.add({ kind: 'status', status })
    const res = await alice.get('/v1/users/me')
    expect(res.status).toBe(status)
    expect(res.body).toEqual({ error })
  })

  it('passes an HTTP date through as Retry-After', async () => {
    const date = new Date(Date.now() + 30_000).toUTCString()
    server.faults.add({ kind: 'status', status: 429, retryAfter: date })
    expect((await alice.get('/v1/users/me')).headers.get('retry-after')).toBe(date)
  })

  it.each([502, 504])('answers %i as a proxy would: an HTML page', async (status) => {
    server.faults.add({ kind: 'status', status })
    const res = await alice.get('/v1/users/me')
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.text).toContain(`<h1>${status} `)
  })

  it('sends truncated JSON with a 200 for a malformed fault', async () => {
    server.faults.add({ kind: 'malformed' })
    const res = await alice.get('/v1/namespaces/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(() => JSON.parse(res.text)).toThrow()
  })

  it('sends an HTML page for an html fault, 200 by default', async () => {
    server.faults.add({ kind: 'html' })
    const res = await alice.get('/v1/namespaces/')
    expect(res.status).toBe(200)
    expect(res.text).toMatch(/<html/i)
    server.faults.add({ kind: 'html', status: 502 })
    expect((await alice.get('/v1/namespaces/')).status).toBe(502)
  })

  it('resets the connection without an answer', async () => {
    server.faults.add({ path: '/monitoring/ping', kind: 'reset' })
    await expect(fetch(`${server.url}/monitoring/ping`)).rejects.toThrow(TypeError)
    expect((await call(`${server.url}/monitoring/ping`)).status).toBe(200)
  })

  it('never answers a hanging request', async () => {
    server.faults.add({ path: '/monitoring/ping', kind: 'hang' })
    await expect(fetch(`${server.url}/monitoring/ping`, { signal: AbortSignal.timeout(300) })).rejects.toThrow()
    expect((await call(`${server.url}/monitoring/ping`)).status).toBe(200)
  })

  it('fails the next `times` matching requests only', async () => {
    server.faults.add({ method: 'GET', path: '/v1/users/me', kind: 'status', status: 503, times: 2 })
    expect((await alice.post('/v1/namespaces/', { name: 'times_other' })).status).toBe(201) // not matching
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await alice.get('/v1/users/me')).status)
    expect(statuses).toEqual([503, 503, 200, 200])
    expect(server.faults.list()).toEqual([])
  })

  it('fails an even fraction of matching requests with rate, until cleared', async () => {
    server.faults.add({ path: /^\/v1\/users\//, kind: 'status', status: 500, rate: 0.5 })
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await alice.get('/v1/users/me')).status)
    expect(statuses).toEqual([200, 500, 200, 500, 200, 500])
    expect(server.faults.list()).toMatchObject([{ seen: 6, hits: 3 }])
    server.faults.clear()
    expect((await alice.get('/v1/users/me')).status).toBe(200)
  })

  it('caps a rate with times, and matches regular expressions and methods', async () => {
    server.faults.add({ method: 'post', path: /namespaces/, kind: 'status', status: 503, rate: 1, times: 1 })
    expect((await alice.get('/v1/namespaces/')).status).toBe(200)
    expect((await alice.post('/v1/namespaces/', { name: 'rate_cap' })).status).toBe(503)
    expect((await alice.post('/v1/namespaces/', { name: 'rate_cap' })).status).toBe(201)
  })

  it('matches query parameters when asked, so one namespace list page fails and others do not', async () => {
    server.faults.add({
      method: 'GET',
      path: '/v1/hwm/',
      query: { namespace_id: '2', page: '2' },
      kind: 'status',
      status: 500,
    })
    expect((await alice.get('/v1/hwm/?namespace_id=1&page=2')).status).not.toBe(500)
    expect((await alice.get('/v1/hwm/?namespace_id=2')).status).not.toBe(500)
    expect((await alice.get('/v1/hwm/?page=2&namespace_id=2&page_size=20')).status).toBe(500)
    expect(server.faults.list()).toEqual([])
    expect(() => server.faults.add({ kind: 'reset', query: { page: 2 as unknown as string } })).toThrow(TypeError)
  })

  it('takes a query match over the control API', async () => {
    const controlled = await startHorizonServer({ port: 0, control: true })
    try {
      const res = await fetch(`${controlled.url}/__control/faults`, {
        method: 'POST',
        body: JSON.stringify({ path: '/v1/hwm/', query: { namespace_id: '9' }, kind: 'status', status: 500 }),
      })
      expect(res.status).toBe(201)
      expect(controlled.faults.list()).toMatchObject([{ query: { namespace_id: '9' } }])
    } finally {
      await controlled.close()
    }
  })

  it('removes one fault by id and refuses invalid specs', () => {
    const id = server.faults.add({ kind: 'hang' })
    const other = server.faults.add({ kind: 'reset', path: '/x' })
    expect(server.faults.remove(id)).toBe(true)
    expect(server.faults.remove(id)).toBe(false)
    expect(server.faults.list().map((f) => f.id)).toEqual([other])
    expect(() => server.faults.add({ kind: 'explode' as 'hang' })).toThrow(TypeError)
    expect(() => server.faults.add({ kind: 'status', rate: 2 })).toThrow(TypeError)
    expect(() => server.faults.add({ kind: 'status', times: 0 })).toThrow(TypeError)
  })

  it.each(['status', 'reset'] as const)('lets a faulted write (%s) change nothing', async (kind) => {
    const name = `faulted_${kind}`
    server.faults.add({ method: 'POST', path: '/v1/namespaces/', kind, status: 503 })
    const attempt = alice.post('/v1/namespaces/', { name })
    if (kind === 'reset') await expect(attempt).rejects.toThrow()
    else expect((await attempt).status).toBe(503)
    const list = await alice.get(`/v1/namespaces/?name=${name}`)
    expect(list.body.meta.total_count).toBe(0)
    const created = await alice.post('/v1/namespaces/', { name })
    expect(created.status).toBe(201)
    const history = await alice.get(`/v1/namespace-history/?namespace_id=${created.body.id}`)
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['Created'])
  })
})
