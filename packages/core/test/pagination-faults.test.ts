/**
 * Iterators under faults: pages fetched ahead are always handled. A node:http server on
 * 127.0.0.1 serves pages that answer late, fail or hang, and records the requests the client
 * dropped.
 */
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { HorizonClient, type HorizonError, InternalServerError } from '../src/index.js'

/** How each page answers: after `ms`, with 500 when `fail`, never when `hang`. */
let plan: Record<number, { ms?: number; fail?: boolean; hang?: boolean }> = {}
const dropped: number[] = []
let server: Server
let client: HorizonClient
const PAGES = 6

const page = (n: number) =>
  JSON.stringify({
    meta: {
      page: n,
      pages_count: PAGES,
      total_count: PAGES,
      page_size: 1,
      has_next: n < PAGES,
      has_previous: n > 1,
      next_page: n < PAGES ? n + 1 : null,
      previous_page: n > 1 ? n - 1 : null,
    },
    items: [
      {
        id: n,
        namespace_id: 1,
        name: `h${n}`,
        description: '',
        type: 't',
        value: n,
        entity: null,
        expression: null,
        changed_at: '2026-12-01T10:00:00Z',
        changed_by: 'x',
      },
    ],
  })

beforeAll(async () => {
  server = createServer((req, res) => {
    const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page'))
    const p = plan[n] ?? {}
    res.on('close', () => {
      if (!res.writableFinished) dropped.push(n)
    })
    if (p.hang) return
    setTimeout(() => {
      if (p.fail) {
        res.writeHead(500, { 'content-type': 'application/json' })
        return res.end(
          '{"error":{"code":"unknown","message":"Got unhandled exception. Please contact support","details":null}}',
        )
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(page(n))
    }, p.ms ?? 0)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  client = new HorizonClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, retry: false })
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => void unhandled.push(reason)
beforeAll(() => void process.on('unhandledRejection', onUnhandled))
afterAll(() => void process.off('unhandledRejection', onUnhandled))
afterEach(() => {
  plan = {}
  dropped.length = 0
})
/** Lets rejections that nobody handles surface (Node reports them after the microtask queue drains). */
const settle = () => new Promise((r) => setTimeout(r, 50))

const iterators = () => [
  (o: object) => client.iterateHwm({ namespace_id: 1, page_size: 1 }, o),
  (o: object) => client.iterateNamespaces({ page_size: 1 }, o),
  (o: object) => client.iterateHwmHistory({ hwm_id: 1, page_size: 1 }, o),
  (o: object) => client.iterateNamespaceHistory({ namespace_id: 1, page_size: 1 }, o),
]

describe('iterators with concurrency', () => {
  it('a later page failing while an earlier one loads reaches the loop, in page order', async () => {
    for (const iterate of iterators()) {
      plan = { 2: { ms: 80 }, 3: { fail: true } }
      const seen: number[] = []
      const error = await (async () => {
        for await (const h of iterate({ concurrency: 3 }) as AsyncIterable<{ id: number }>) seen.push(h.id)
      })().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InternalServerError)
      expect(seen).toEqual([1, 2])
      await settle()
      expect(unhandled).toEqual([])
    }
  })

  it('several failing pages give one error, the first in page order, and nothing unhandled', async () => {
    plan = { 2: { fail: true, ms: 40 }, 3: { fail: true }, 4: { fail: true } }
    const error = await (async () => {
      for await (const _ of client.iterateHwm({ namespace_id: 1, page_size: 1 }, { concurrency: 4 })) void _
    })().catch((e: unknown) => e)
    expect((error as HorizonError).request?.url).toContain('page=2')
    await settle()
    expect(unhandled).toEqual([])
  })

  it('break aborts the pages in flight and leaves nothing unhandled', async () => {
    plan = { 3: { hang: true }, 4: { hang: true }, 5: { fail: true } }
    for await (const h of client.iterateHwm({ namespace_id: 1, page_size: 1 }, { concurrency: 4 }))
      if (h.id === 2) break
    await settle()
    expect(dropped.sort()).toEqual([3, 4])
    expect(unhandled).toEqual([])
  })

  it('an exception in the loop body aborts the pages in flight too', async () => {
    plan = { 3: { hang: true }, 4: { hang: true } }
    const boom = new Error('consumer failed')
    const error = await (async () => {
      for await (const ns of client.iterateNamespaces({ page_size: 1 }, { concurrency: 2 }) as AsyncIterable<{
        id: number
      }>)
        if (ns.id === 2) throw boom
    })().catch((e: unknown) => e)
    expect(error).toBe(boom)
    await settle()
    expect(dropped.sort()).toEqual([3, 4])
    expect(unhandled).toEqual([])
  })

  it('the caller aborting rejects the loop with AbortError and drops every page', async () => {
    plan = { 2: { hang: true }, 3: { hang: true } }
    const controller = new AbortController()
    const error = await (async () => {
      for await (const _ of client.iterateHwm(
        { namespace_id: 1, page_size: 1 },
        { concurrency: 2, signal: controller.signal },
      ))
        setTimeout(() => controller.abort(), 20)
    })().catch((e: unknown) => e)
    expect((error as Error).name).toBe('AbortError')
    await settle()
    expect(dropped.sort()).toEqual([2, 3])
    expect(unhandled).toEqual([])
  })
})
