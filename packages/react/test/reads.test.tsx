/** Every read hook against the real server, and the behaviour the factories set: dedup, no retries, staleTime. */
import { EntityNotFoundError, type HorizonClient } from '@horizon-ts/core'
import { HORIZON_STALE_TIME } from '@horizon-ts/core/query'
import * as hooks from '@horizon-ts/react'
import type { HorizonServer } from '@horizon-ts/server'
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react'
import { Suspense } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  clientFor,
  newQueryClient,
  Providers,
  reads,
  renderReaders,
  startServer,
  unique,
  wrapperFor,
} from './harness.js'

let server: HorizonServer
let client: HorizonClient
let ns: { id: number; name: string }
let hwm: { id: number; name: string }
beforeAll(async () => {
  server = await startServer()
  client = clientFor(server)
  ns = await client.createNamespace({ name: unique('reads'), description: 'for reads' })
  for (let i = 1; i <= 5; i++) await client.createHwm({ namespace_id: ns.id, name: `h${i}`, type: 'int', value: i })
  hwm = (await client.paginateHwm({ namespace_id: ns.id, name: 'h1' })).items[0]!
  await client.updateHwm(hwm.id, { value: 10 })
})
afterAll(() => server.close())
afterEach(cleanup)

interface Infinite {
  isSuccess: boolean
  hasNextPage: boolean
  fetchNextPage: () => Promise<unknown>
  data?: { pages: Array<{ items: unknown[] }> }
}

const hook = <T,>(use: () => T) => renderHook(use, { wrapper: wrapperFor(client, newQueryClient()) }).result

function Show({ hwmId, namespaceId }: { hwmId: number; namespaceId: number }) {
  const { data } = hooks.useSuspenseHwm(hwmId, { select: (h) => h.name })
  const { data: page } = hooks.useSuspenseHwmPage({ namespace_id: namespaceId })
  const { data: me } = hooks.useSuspenseWhoami()
  return <p data-testid="out">{`${data} ${page.items.length} ${me.username}`}</p>
}

describe('query hooks answer what the client answers', () => {
  const cases: Array<[string, () => { data?: unknown; isSuccess: boolean }, () => Promise<unknown>]> = [
    ['usePing', () => hooks.usePing(), () => client.ping()],
    ['useWhoami', () => hooks.useWhoami(), () => client.whoami()],
    ['useNamespaces', () => hooks.useNamespaces({ name: ns.name }), () => client.paginateNamespaces({ name: ns.name })],
    ['useNamespace', () => hooks.useNamespace(ns.id), () => client.getNamespace(ns.id)],
    [
      'useNamespaceHistory',
      () => hooks.useNamespaceHistory({ namespace_id: ns.id }),
      () => client.paginateNamespaceHistory({ namespace_id: ns.id }),
    ],
    [
      'useNamespacePermissions',
      () => hooks.useNamespacePermissions(ns.id),
      () => client.getNamespacePermissions(ns.id),
    ],
    ['useHwmPage', () => hooks.useHwmPage({ namespace_id: ns.id }), () => client.paginateHwm({ namespace_id: ns.id })],
    ['useHwm', () => hooks.useHwm(hwm.id), () => client.getHwm(hwm.id)],
    [
      'useHwmHistory',
      () => hooks.useHwmHistory({ hwm_id: hwm.id }),
      () => client.paginateHwmHistory({ hwm_id: hwm.id }),
    ],
  ]
  it.each(cases)('%s', async (_, use, expected) => {
    const result = hook(use)
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(result.current.data).toEqual(await expected())
  })

  const infinite: Array<[string, () => Infinite, number]> = [
    ['useNamespacesInfinite', () => hooks.useNamespacesInfinite({ name: ns.name, page_size: 1 }), 1],
    ['useNamespaceHistoryInfinite', () => hooks.useNamespaceHistoryInfinite({ namespace_id: ns.id, page_size: 1 }), 1],
    ['useHwmInfinite', () => hooks.useHwmInfinite({ namespace_id: ns.id, page_size: 2 }), 5],
    ['useHwmHistoryInfinite', () => hooks.useHwmHistoryInfinite({ hwm_id: hwm.id, page_size: 1 }), 2],
  ]
  it.each(infinite)('%s pages through everything', async (_, use, total) => {
    const result = hook(use)
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    while (result.current.hasNextPage) await act(() => result.current.fetchNextPage())
    expect(result.current.data?.pages.flatMap((p) => p.items)).toHaveLength(total)
  })

  it('useHorizonQuery and useHorizonInfiniteQuery take any read by its factory name', async () => {
    const one = hook(() => hooks.useHorizonQuery('hwm', hwm.id, { select: (h) => h.value }))
    const pages = hook(() => hooks.useHorizonInfiniteQuery('hwmInfinite', { namespace_id: ns.id, page_size: 2 }))
    await waitFor(() => expect(one.current.isSuccess && pages.current.isSuccess).toBe(true))
    expect(one.current.data).toEqual((await client.getHwm(hwm.id)).value)
    expect(pages.current.data?.pages[0]?.items).toHaveLength(2)
  })

  it('suspense variants render with data', async () => {
    render(
      <Providers client={client} queryClient={newQueryClient()}>
        <Suspense fallback={<p>loading</p>}>
          <Show hwmId={hwm.id} namespaceId={ns.id} />
        </Suspense>
      </Providers>,
    )
    expect(await screen.findByTestId('out')).toHaveProperty('textContent', 'h1 5 admin')
  })
})

describe('behaviour', () => {
  it('identical reads from many components make one request', async () => {
    server.clearRequests()
    const queryClient = newQueryClient()
    const readers = Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`r${i}`, () => hooks.useHwm(hwm.id)]))
    renderReaders(readers, client, queryClient)
    await waitFor(() => expect(screen.getAllByText('success')).toHaveLength(5))
    expect(reads(server)).toEqual([`/v1/hwm/${hwm.id}`])
  })

  it('TanStack does not retry: a 404 is one request and a typed error', async () => {
    server.clearRequests()
    const result = hook(() => hooks.useHwm(999_999))
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error).toBeInstanceOf(EntityNotFoundError)
    expect(reads(server)).toEqual(['/v1/hwm/999999'])
  })

  it(`a remount within staleTime (${HORIZON_STALE_TIME} ms) does not refetch`, async () => {
    const queryClient = newQueryClient()
    const first = renderHook(() => hooks.useNamespace(ns.id), { wrapper: wrapperFor(client, queryClient) })
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true))
    first.unmount()
    server.clearRequests()
    const second = renderHook(() => hooks.useNamespace(ns.id), { wrapper: wrapperFor(client, queryClient) })
    expect(second.result.current.data?.id).toBe(ns.id)
    await new Promise((r) => setTimeout(r, 30))
    expect(reads(server)).toEqual([])
  })

  it('TanStack options pass through: select, enabled', async () => {
    server.clearRequests()
    const disabled = hook(() => hooks.useHwm(hwm.id, { enabled: false }))
    const selected = hook(() => hooks.useHwm(hwm.id, { select: (h) => h.value }))
    await waitFor(() => expect(selected.current.data).toBe(10))
    expect(disabled.current.fetchStatus).toBe('idle')
    expect(reads(server)).toEqual([`/v1/hwm/${hwm.id}`])
  })

  it('the client comes from the provider; hooks outside it throw', () => {
    expect(hook(() => hooks.useHorizonClient()).current).toBe(client)
    expect(() => renderHook(() => hooks.useHwm(1))).toThrow(/HorizonProvider/)
  })
})
