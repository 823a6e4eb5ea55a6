/** A small data set and one reader per cached read of it, for the invalidation tests. */
import { horizonKeys } from '@horizon-ts/core/query'
import {
  useHwm,
  useHwmHistory,
  useHwmInfinite,
  useHwmPage,
  useNamespace,
  useNamespaceHistory,
  useNamespacePermissions,
  useNamespaces,
} from '@horizon-ts/react'
import type { HorizonServer } from '@horizon-ts/server'
import type { QueryClient } from '@tanstack/react-query'
import { waitFor } from '@testing-library/react'
import { expect } from 'vitest'
import { clientFor, newQueryClient, reads, renderReaders, unique } from './harness.js'

/** Namespaces A (HWMs a1, a2), B (HWM b1) and C (empty), and readers of all of it. */
export async function makeWorld(server: HorizonServer) {
  const client = clientFor(server)
  const namespace = (prefix: string) => client.createNamespace({ name: unique(prefix), description: '' })
  const A = await namespace('A')
  const B = await namespace('B')
  const C = await namespace('C')
  const hwm = (namespace_id: number, name: string) => client.createHwm({ namespace_id, name, type: 'int', value: 1 })
  const a1 = await hwm(A.id, 'a1')
  const a2 = await hwm(A.id, 'a2')
  const b1 = await hwm(B.id, 'b1')
  const queryClient = newQueryClient()
  const keys = horizonKeys(client)

  const ns = (id: number) => `/v1/namespaces/${id}`
  const one = (use: () => { status: string }, path: string) => ({ use, path })
  const readers = {
    nsList: one(() => useNamespaces(), '/v1/namespaces/'),
    ...Object.fromEntries(
      Object.entries({ A, B, C }).flatMap(([n, { id }]) => [
        [`ns${n}`, one(() => useNamespace(id), ns(id))],
        [`perm${n}`, one(() => useNamespacePermissions(id), `${ns(id)}/permissions`)],
        [`hist${n}`, one(() => useNamespaceHistory({ namespace_id: id }), `/v1/namespace-history/?namespace_id=${id}`)],
      ]),
    ),
    listA: one(() => useHwmPage({ namespace_id: A.id }), `/v1/hwm/?namespace_id=${A.id}`),
    listAInfinite: one(() => useHwmInfinite({ namespace_id: A.id }), `/v1/hwm/?namespace_id=${A.id}&page=1`),
    listB: one(() => useHwmPage({ namespace_id: B.id }), `/v1/hwm/?namespace_id=${B.id}`),
    ...Object.fromEntries(
      Object.entries({ a1, a2, b1 }).flatMap(([n, { id }]) => [
        [n, one(() => useHwm(id), `/v1/hwm/${id}`)],
        [`${n}History`, one(() => useHwmHistory({ hwm_id: id }), `/v1/hwm-history/?hwm_id=${id}`)],
      ]),
    ),
  } as Record<string, { use: () => { status: string }; path: string }>

  /** Mounts the readers (all but `except`), waits for their data, then clears the request log. */
  const mount = async (except: string[] = []) => {
    const mounted = Object.entries(readers).filter(([n]) => !except.includes(n))
    renderReaders(Object.fromEntries(mounted.map(([n, r]) => [n, r.use])), client, queryClient)
    await settled(queryClient, mounted.length)
    server.clearRequests()
  }
  /** Asserts that exactly the reads of `names` hit the server since `mount`. */
  const expectRefetched = async (names: string[]) => {
    await new Promise((r) => setTimeout(r, 30))
    await settled(queryClient)
    expect(reads(server).sort()).toEqual(names.map((n) => readers[n]!.path).sort())
  }
  return { client, queryClient, keys, A, B, C, a1, a2, b1, mount, expectRefetched }
}

/** Waits until nothing is fetching and (at least `count`) queries hold data. */
export async function settled(queryClient: QueryClient, count = 0) {
  await waitFor(() => {
    const queries = queryClient.getQueryCache().getAll()
    expect(queryClient.isFetching()).toBe(0)
    expect(queries.filter((q) => q.state.status === 'success').length).toBeGreaterThanOrEqual(count)
  })
}

export { reads }
