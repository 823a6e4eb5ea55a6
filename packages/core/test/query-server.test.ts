/**
 * The query layer with `@tanstack/query-core` only, in Node, against the dev server: what a
 * Vue/Solid/Svelte adapter or a non-React SSR server would do.
 */
import { type HorizonServer, startHorizonServer } from '@horizon-ts/server'
import { dehydrate, hydrate, MutationObserver, QueryClient } from '@tanstack/query-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { horizonKeys, horizonMutations, horizonQueries } from '../src/entries/query.js'
import {
  AbortError,
  EntityAlreadyExistsError,
  HorizonClient,
  type HorizonClientOptions,
  LoginPassword,
} from '../src/index.js'

let server: HorizonServer
beforeAll(async () => {
  server = await startHorizonServer({ port: 0, seed: 'empty', superadmins: ['admin'] })
})
afterAll(() => server.close())

let seq = 0
const client = (options: Partial<HorizonClientOptions> = {}) =>
  new HorizonClient({ baseUrl: server.url, auth: new LoginPassword({ login: 'admin', password: 'pw' }), ...options })

async function seed(c: HorizonClient) {
  const ns = await c.createNamespace({ name: `query-${Date.now()}-${++seq}`, description: '' })
  const hwms = []
  for (const name of ['a', 'b', 'c']) hwms.push(await c.createHwm({ namespace_id: ns.id, name, type: 'int', value: 1 }))
  return { ns, hwms }
}

it('prefetch, dehydrate, hydrate elsewhere: ensureQueryData makes no request', async () => {
  const serverSide = client()
  const { ns, hwms } = await seed(serverSide)
  const q = horizonQueries(serverSide)
  const before = new QueryClient()
  await before.prefetchQuery(q.namespace(ns.id))
  await before.prefetchInfiniteQuery(q.hwmInfinite({ namespace_id: ns.id, page_size: 2 }))
  expect(await before.ensureQueryData(q.hwm(hwms[0]!.id))).toEqual(hwms[0])
  const state = JSON.parse(JSON.stringify(dehydrate(before)))

  server.clearRequests()
  const browserSide = client()
  const after = new QueryClient()
  hydrate(after, state)
  const b = horizonQueries(browserSide)
  expect((await after.ensureQueryData(b.namespace(ns.id))).name).toBe(ns.name)
  expect((await after.ensureQueryData(b.hwm(hwms[0]!.id))).value).toBe(1)
  const pages = await after.ensureInfiniteQueryData(b.hwmInfinite({ namespace_id: ns.id, page_size: 2 }))
  expect(pages.pages[0]?.items.map((h) => h.name)).toEqual(['a', 'b'])
  expect(server.requests).toEqual([])
})

it('infinite options follow meta.next_page', async () => {
  const c = client()
  const { ns } = await seed(c)
  const queryClient = new QueryClient()
  const data = await queryClient.fetchInfiniteQuery({
    ...horizonQueries(c).hwmInfinite({ namespace_id: ns.id, page_size: 2 }),
    pages: 5,
  })
  expect(data.pageParams).toEqual([1, 2])
  expect(data.pages.flatMap((p) => p.items.map((h) => h.name))).toEqual(['a', 'b', 'c'])
})

it('cancelling a query aborts its request', async () => {
  const signals: AbortSignal[] = []
  const c = client({
    fetch: (input, init) => {
      if (init?.signal) signals.push(init.signal)
      return fetch(input, init)
    },
  })
  const { hwms } = await seed(c)
  signals.length = 0
  server.setLatency(1000)
  const queryClient = new QueryClient()
  const options = horizonQueries(c).hwm(hwms[0]!.id)
  const fetching = queryClient.fetchQuery(options).catch((e: unknown) => e)
  await new Promise((r) => setTimeout(r, 50))
  await queryClient.cancelQueries({ queryKey: options.queryKey })
  server.setLatency(0)
  expect(signals[0]?.aborted).toBe(true)
  expect(await fetching).toBeDefined()
})

it('the core signal raises AbortError through a query function', async () => {
  const c = client()
  const controller = new AbortController()
  controller.abort()
  const { queryFn, queryKey } = horizonQueries(c).ping()
  const context = { queryKey, signal: controller.signal, meta: undefined, client: new QueryClient() }
  await expect(Promise.resolve(queryFn(context))).rejects.toBeInstanceOf(AbortError)
})

it('mutation options apply their row and resolve after the refetch; optimistic rolls back', async () => {
  const c = client()
  const { ns, hwms } = await seed(c)
  const queryClient = new QueryClient()
  const keys = horizonKeys(c)
  await queryClient.prefetchQuery(horizonQueries(c).hwm(hwms[0]!.id))
  const m = horizonMutations(c)

  const updated = await new MutationObserver(queryClient, m.updateHwm()).mutate([hwms[0]!.id, { value: 9 }])
  expect(queryClient.getQueryData(keys.hwm(hwms[0]!.id))).toEqual(updated)

  const failing = new MutationObserver(queryClient, m.updateHwm({ optimistic: true }))
  const attempt = failing.mutate([hwms[0]!.id, { name: 'b' }]).catch((e: unknown) => e)
  await new Promise((r) => setTimeout(r, 0))
  expect(queryClient.getQueryData(keys.hwm(hwms[0]!.id))?.name).toBe('b') // shown at once
  expect(await attempt).toBeInstanceOf(EntityAlreadyExistsError)
  expect(queryClient.getQueryData(keys.hwm(hwms[0]!.id))).toEqual(updated) // rolled back

  const created = await new MutationObserver(queryClient, m.createHwm()).mutate({
    namespace_id: ns.id,
    name: 'd',
    type: 'int',
    value: 0,
  })
  expect(queryClient.getQueryData(keys.hwm(created.id))).toEqual(created)
})
