/**
 * Timeouts on the wire: a plain node:http server on 127.0.0.1 whose routes hang, stall a body after
 * the headers or answer late, and which records when the client drops each request.
 */
import { getEventListeners, once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HorizonClient, TimeoutError } from '../src/index.js'
import { json, scriptedFetch } from './support.js'

let server: Server
let base = ''
/** When the client closed each request, by the `x-tag` it sent. */
const dropped = new Map<string, number>()
/** Answers of `/monitoring/hold`, which the test ends itself. */
const held: Array<() => void> = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const tag = String(req.headers['x-tag'] ?? '')
    res.on('close', () => {
      if (!res.writableFinished) dropped.set(tag, Date.now())
    })
    const url = new URL(req.url ?? '/', 'http://x')
    const ms = Number(url.searchParams.get('ms') ?? 0)
    if (url.pathname === '/monitoring/hang') return // never answers
    if (url.pathname === '/monitoring/hold') return void held.push(() => res.end('{"status":"ok"}'))
    res.writeHead(200, { 'content-type': 'application/json' })
    if (url.pathname === '/monitoring/stall') return void res.write('{"status":') // headers, then nothing
    // headers at once, the rest of the body after `ms`
    res.write('{"status":')
    setTimeout(() => res.end('"ok"}'), ms)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

const client = (connectionTimeout: number, requestTimeout: number) =>
  new HorizonClient({ baseUrl: base, retry: false, timeout: { connectionTimeout, requestTimeout } })
const get = (c: HorizonClient, path: string, tag: string) =>
  c.transport.send<{ status: string }>({ method: 'GET', path, auth: false }, { headers: { 'x-tag': tag } })
const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length

describe('timeouts on the wire', () => {
  it('a request that timed out is cancelled: the server sees it dropped', async () => {
    const started = Date.now()
    const e = await get(client(0.2, 10), '/monitoring/hang', 'hang').catch((x: unknown) => x)
    expect(e).toBeInstanceOf(TimeoutError)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    await expect.poll(() => dropped.get('hang'), { timeout: 2000 }).toBeDefined()
    expect(dropped.get('hang')! - started).toBeLessThan(1500)
  })

  it('requestTimeout bounds a body that stalls after the headers', async () => {
    const started = Date.now()
    const e = await get(client(10, 0.3), '/monitoring/stall', 'stall').catch((x: unknown) => x)
    expect(e).toBeInstanceOf(TimeoutError)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(Date.now() - started).toBeLessThan(2000)
    await expect.poll(() => dropped.get('stall'), { timeout: 2000 }).toBeDefined()
  })

  it('once the headers are in, only requestTimeout applies', async () => {
    // body done after 500 ms: past the connection timeout, within the request timeout
    const { data } = await get(client(0.2, 3), '/monitoring/slow?ms=500', 'late-body')
    expect(data).toEqual({ status: 'ok' })
  })

  it('a timeout does not cut the calls running beside it; its own request is dropped once they end', async () => {
    const c = client(0.3, 3)
    const slow = get(c, '/monitoring/slow?ms=800', 'neighbour')
    const hung = get(c, '/monitoring/hang', 'timed-out').catch((x: unknown) => x)
    expect(await hung).toBeInstanceOf(TimeoutError)
    expect((await slow).data).toEqual({ status: 'ok' })
    const ended = Date.now()
    expect(dropped.has('neighbour')).toBe(false)
    await expect.poll(() => dropped.get('timed-out'), { timeout: 2000 }).toBeDefined()
    expect(dropped.get('timed-out')! - ended).toBeLessThan(1000)
  })

  it("with a caller's signal, a timed-out request is dropped at once, neighbours or not", async () => {
    const c = client(0.3, 3)
    const slow = get(c, '/monitoring/slow?ms=800', 'neighbour-2')
    const signal = new AbortController().signal
    const started = Date.now()
    const e = await c.transport
      .send({ method: 'GET', path: '/monitoring/hang', auth: false }, { signal, headers: { 'x-tag': 'own' } })
      .catch((x: unknown) => x)
    expect(e).toBeInstanceOf(TimeoutError)
    await expect.poll(() => dropped.get('own'), { timeout: 2000 }).toBeDefined()
    expect(dropped.get('own')! - started).toBeLessThan(700)
    expect((await slow).data).toEqual({ status: 'ok' })
  })

  it('calls after a timeout run as before', async () => {
    const c = client(0.2, 3)
    await expect(get(c, '/monitoring/hang', 'again')).rejects.toBeInstanceOf(TimeoutError)
    expect((await get(c, '/monitoring/slow?ms=10', 'after')).data).toEqual({ status: 'ok' })
    expect(dropped.has('after')).toBe(false)
  })

  it('only a pending call holds a timer that keeps Node running', async () => {
    const c = client(5, 5)
    const idle = timers()
    const pending = get(c, '/monitoring/hold', 'ref')
    await expect.poll(() => held.length).toBe(1)
    expect(timers()).toBe(idle + 1)
    held[0]!()
    await pending
    expect(timers()).toBe(idle)
  })

  it("a long-lived caller's signal keeps no listener per call, retries included", async () => {
    const app = new AbortController()
    const s = scriptedFetch(json(503, null), json(200, { status: 'ok' }))
    const c = new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch, retry: { total: 1, backoffFactor: 0 } })
    for (let i = 0; i < 20; i++) await c.ping({ signal: app.signal })
    expect(s.calls).toHaveLength(21) // the first call was retried once
    expect(getEventListeners(app.signal, 'abort')).toHaveLength(0)
  })
})
