/** `useUpdateHwm({ optimistic: true })`: the value shows at once, stays on success, rolls back on error. */
import { EntityAlreadyExistsError, type HorizonClient, PermissionDeniedError } from '@horizon-ts/core'
import { horizonKeys } from '@horizon-ts/core/query'
import { useHwm, useUpdateHwm } from '@horizon-ts/react'
import type { HorizonServer } from '@horizon-ts/server'
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { clientFor, newQueryClient, startServer, unique, wrapperFor } from './harness.js'

let server: HorizonServer
let admin: HorizonClient
beforeAll(async () => {
  server = await startServer()
  admin = clientFor(server)
})
afterAll(() => server.close())
afterEach(() => {
  cleanup()
  server.setLatency(0)
})

/** An HWM `h1` (value 1) next to `h2`, a reader of `h1` and an optimistic updater, as `client`'s user. */
async function setup(client = admin) {
  const ns = await admin.createNamespace({ name: unique('opt'), description: '' })
  const h1 = await admin.createHwm({ namespace_id: ns.id, name: 'h1', type: 'int', value: 1 })
  await admin.createHwm({ namespace_id: ns.id, name: 'h2', type: 'int', value: 1 })
  const queryClient = newQueryClient()
  const wrapper = wrapperFor(client, queryClient)
  const reader = renderHook(() => useHwm(h1.id), { wrapper }).result
  await waitFor(() => expect(reader.current.data?.value).toBe(1))
  const update = renderHook(() => useUpdateHwm({ optimistic: true }), { wrapper }).result
  const patched = () => server.requests.some((r) => r.method === 'PATCH')
  return { h1, reader, update, patched, key: horizonKeys(client).hwm(h1.id), queryClient }
}

it('shows the new value before the server answers, then keeps the answer', async () => {
  const { h1, reader, update, patched } = await setup()
  server.clearRequests()
  server.setLatency(300)
  act(() => update.current.mutate([h1.id, { value: 2 }]))
  await waitFor(() => expect(reader.current.data?.value).toBe(2))
  expect(patched()).toBe(false) // the server has not answered yet
  await waitFor(() => expect(update.current.isSuccess).toBe(true))
  expect(reader.current.data?.value).toBe(2)
  expect(reader.current.data?.changed_at).not.toBe(h1.changed_at) // the server's answer replaced the guess
})

it('rolls back on a 409 name clash and surfaces the error', async () => {
  const { h1, reader, update, patched } = await setup()
  server.clearRequests()
  server.setLatency(200)
  act(() => update.current.mutate([h1.id, { name: 'h2' }]))
  await waitFor(() => expect(reader.current.data?.name).toBe('h2'))
  expect(patched()).toBe(false)
  await waitFor(() => expect(update.current.isError).toBe(true))
  expect(update.current.error).toBeInstanceOf(EntityAlreadyExistsError)
  expect(reader.current.data).toEqual(h1)
})

it('rolls back when a user without a role may not update', async () => {
  const guest = clientFor(server, unique('guest'))
  const { h1, reader, update, queryClient, key } = await setup(guest)
  act(() => update.current.mutate([h1.id, { value: 99 }]))
  await waitFor(() => expect(update.current.isError).toBe(true))
  expect(update.current.error).toBeInstanceOf(PermissionDeniedError)
  expect(reader.current.data?.value).toBe(1)
  expect(queryClient.getQueryData(key)).toEqual(h1)
})

it('without optimistic, the detail changes only with the answer', async () => {
  const { h1, reader, queryClient } = await setup()
  const plain = renderHook(() => useUpdateHwm(), { wrapper: wrapperFor(admin, queryClient) }).result
  server.setLatency(100)
  let done: Promise<unknown> = Promise.resolve()
  act(() => {
    done = plain.current.mutateAsync([h1.id, { value: 5 }])
  })
  await new Promise((r) => setTimeout(r, 50))
  expect(reader.current.data?.value).toBe(1)
  await act(() => done)
  await waitFor(() => expect(reader.current.data?.value).toBe(5))
})
