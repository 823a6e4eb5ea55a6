/** TanStack's signal reaches fetch: unmounting the last reader aborts its request. */
import { horizonKeys } from '@horizon-ts/core/query'
import { useHwm } from '@horizon-ts/react'
import type { HorizonServer } from '@horizon-ts/server'
import { renderHook, waitFor } from '@testing-library/react'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { clientFor, newQueryClient, startServer, unique, wrapperFor } from './harness.js'

let server: HorizonServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

it('unmounting aborts the request in flight and leaves no error behind', async () => {
  const signals: AbortSignal[] = []
  const client = clientFor(server, 'admin', {
    fetch: (input, init) => {
      if (init?.signal) signals.push(init.signal)
      return fetch(input, init)
    },
  })
  const ns = await client.createNamespace({ name: unique('cancel'), description: '' })
  const hwm = await client.createHwm({ namespace_id: ns.id, name: 'slow', type: 'int', value: 1 })
  signals.length = 0
  server.setLatency(1000)
  const queryClient = newQueryClient()
  const view = renderHook(() => useHwm(hwm.id), { wrapper: wrapperFor(client, queryClient) })
  await waitFor(() => expect(signals).toHaveLength(1))
  expect(signals[0]!.aborted).toBe(false)
  view.unmount()
  await waitFor(() => expect(signals[0]!.aborted).toBe(true))
  server.setLatency(0)
  const state = queryClient.getQueryState(horizonKeys(client).hwm(hwm.id))
  expect(state).toMatchObject({ fetchStatus: 'idle', error: null, data: undefined })
})
