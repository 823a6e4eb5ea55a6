/**
 * Every row of the invalidation table, counted at the server: what must refetch refetches, what
 * must not (another namespace, another HWM, what the answer was written to) does not.
 */
import { EntityNotFoundError } from '@horizon-ts/core'
import {
  useBulkCopyHwm,
  useBulkDeleteHwm,
  useCreateHwm,
  useCreateNamespace,
  useDeleteHwm,
  useDeleteNamespace,
  useUpdateHwm,
  useUpdateNamespace,
  useUpdateNamespacePermissions,
} from '@horizon-ts/react'
import type { HorizonServer } from '@horizon-ts/server'
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { clientFor, startServer, wrapperFor } from './harness.js'
import { makeWorld } from './world.js'

let server: HorizonServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())
afterEach(cleanup)

/** Runs `use().mutateAsync(variables)` in the world's provider tree. */
async function run<V, R>(
  w: Awaited<ReturnType<typeof makeWorld>>,
  use: () => { mutateAsync: (v: V) => Promise<R> },
  variables: V,
): Promise<R> {
  const { result } = renderHook(use, { wrapper: wrapperFor(w.client, w.queryClient) })
  let answer: R | undefined
  await act(async () => {
    answer = await result.current.mutateAsync(variables)
  })
  return answer as R
}

describe('namespaces', () => {
  it('create: the namespace lists', async () => {
    const w = await makeWorld(server)
    await w.mount()
    await run(w, useCreateNamespace, { name: `${w.A.name}-new`, description: '' })
    await w.expectRefetched(['nsList'])
  })

  it('update: writes the answer; the lists and its history', async () => {
    const w = await makeWorld(server)
    await w.mount()
    const ns = await run(w, useUpdateNamespace, [w.A.id, { description: 'changed' }])
    await w.expectRefetched(['nsList', 'histA'])
    expect(w.queryClient.getQueryData(w.keys.namespace(w.A.id))).toEqual(ns)
    expect(ns.description).toBe('changed')
  })

  it('delete: removes it, its permissions and history; the lists', async () => {
    const w = await makeWorld(server)
    await w.mount()
    await run(w, useDeleteNamespace, w.C.id)
    await w.expectRefetched(['nsList'])
    for (const key of [
      w.keys.namespace(w.C.id),
      w.keys.namespacePermissions(w.C.id),
      w.keys.namespaceHistoryOf(w.C.id),
    ])
      expect(w.queryClient.getQueryCache().findAll({ queryKey: key })).toHaveLength(0)
    expect(w.queryClient.getQueryData(w.keys.namespace(w.B.id))).toBeDefined()
  })

  it('update permissions: writes them; the namespace, the lists, its history', async () => {
    const w = await makeWorld(server)
    await clientFor(server, 'bob').whoami() // users exist once they have logged in
    await w.mount()
    const permissions = await run(w, useUpdateNamespacePermissions, [
      w.A.id,
      { permissions: [{ username: 'bob', role: 'DEVELOPER' }] },
    ])
    await w.expectRefetched(['nsA', 'nsList', 'histA'])
    expect(w.queryClient.getQueryData(w.keys.namespacePermissions(w.A.id))).toEqual(permissions)
    expect(permissions.permissions.map((p) => p.username)).toContain('bob')
  })
})

describe('HWMs', () => {
  it('create: the HWM lists of its namespace; the answer becomes its detail', async () => {
    const w = await makeWorld(server)
    await w.mount()
    const hwm = await run(w, useCreateHwm, { namespace_id: w.A.id, name: 'a3', type: 'int', value: 3 })
    await w.expectRefetched(['listA', 'listAInfinite'])
    expect(w.queryClient.getQueryData(w.keys.hwm(hwm.id))).toEqual(hwm)
  })

  it('update: writes the answer; the lists of its namespace, its history', async () => {
    const w = await makeWorld(server)
    await w.mount()
    const hwm = await run(w, useUpdateHwm, [w.a1.id, { value: 2 }])
    await w.expectRefetched(['listA', 'listAInfinite', 'a1History'])
    expect(w.queryClient.getQueryData(w.keys.hwm(w.a1.id))).toEqual(hwm)
    expect(hwm.value).toBe(2)
  })

  it('delete, detail cached: removes it; the lists of its namespace, its history', async () => {
    const w = await makeWorld(server)
    await w.mount()
    await run(w, useDeleteHwm, w.a2.id)
    await w.expectRefetched(['listA', 'listAInfinite', 'a2History'])
    expect(w.queryClient.getQueryCache().findAll({ queryKey: w.keys.hwm(w.a2.id) })).toHaveLength(0)
  })

  it('delete, detail not cached: every HWM list of the scope', async () => {
    const w = await makeWorld(server)
    await w.mount(['a2'])
    await run(w, useDeleteHwm, w.a2.id)
    await w.expectRefetched(['listA', 'listAInfinite', 'listB', 'a2History'])
  })

  it('bulk copy: the HWM lists of the target namespace', async () => {
    const w = await makeWorld(server)
    await w.mount()
    const copied = await run(w, useBulkCopyHwm, {
      source_namespace_id: w.A.id,
      target_namespace_id: w.B.id,
      hwm_ids: [w.a1.id],
      with_history: false,
    })
    await w.expectRefetched(['listB'])
    expect(copied.hwms.map((h) => h.name)).toEqual(['a1'])
  })

  it('bulk delete: the lists of that namespace; removes each HWM and its history', async () => {
    const w = await makeWorld(server)
    await w.mount()
    await run(w, useBulkDeleteHwm, [w.A.id, [w.a1.id, w.a2.id]])
    await w.expectRefetched(['listA', 'listAInfinite'])
    for (const id of [w.a1.id, w.a2.id]) {
      expect(w.queryClient.getQueryCache().findAll({ queryKey: w.keys.hwm(id) })).toHaveLength(0)
      expect(w.queryClient.getQueryCache().findAll({ queryKey: w.keys.hwmHistoryOf(id) })).toHaveLength(0)
    }
    expect(w.queryClient.getQueryData(w.keys.hwm(w.b1.id))).toBeDefined()
    await expect(w.client.getHwm(w.a1.id)).rejects.toBeInstanceOf(EntityNotFoundError)
  })
})
