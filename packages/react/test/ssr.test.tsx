/**
 * SSR round trip: prefetch with the factories and render to a string as a Node server would,
 * dehydrate, then hydrate in the DOM with another client of the same user: no request at all.
 */
import { horizonQueries } from '@horizon-ts/core/query'
import { HorizonProvider, useHwm, useHwmHistory, useHwmPage, useNamespace } from '@horizon-ts/react'
import type { HorizonServer } from '@horizon-ts/server'
import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { clientFor, startServer, unique } from './harness.js'

let server: HorizonServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

function Page({ namespaceId, hwmId }: { namespaceId: number; hwmId: number }) {
  const ns = useNamespace(namespaceId)
  const list = useHwmPage({ namespace_id: namespaceId })
  const hwm = useHwm(hwmId, { select: (h) => `${h.name}=${String(h.value)}` })
  const history = useHwmHistory({ hwm_id: hwmId })
  return (
    <main>
      <h1>{ns.data?.name}</h1>
      <ul>
        {list.data?.items.map((h) => (
          <li key={h.id}>{h.name}</li>
        ))}
      </ul>
      <p>{hwm.data}</p>
      <ol>
        {history.data?.items.map((row) => (
          <li key={row.id}>{row.action}</li>
        ))}
      </ol>
    </main>
  )
}

it('a page prefetched and rendered on the server hydrates without a request', async () => {
  const admin = clientFor(server)
  const ns = await admin.createNamespace({ name: unique('ssr'), description: '' })
  const hwm = await admin.createHwm({ namespace_id: ns.id, name: 'orders', type: 'int', value: 7 })
  await admin.createHwm({ namespace_id: ns.id, name: 'users', type: 'int', value: 1 })
  await admin.updateHwm(hwm.id, { value: 8 })

  // "Server": its own client and QueryClient, prefetch with the factories, render to a string.
  const serverClient = clientFor(server)
  const serverQueryClient = new QueryClient()
  const q = horizonQueries(serverClient)
  await Promise.all([
    serverQueryClient.prefetchQuery(q.namespace(ns.id)),
    serverQueryClient.prefetchQuery(q.hwmPage({ namespace_id: ns.id })),
    serverQueryClient.prefetchQuery(q.hwm(hwm.id)),
    serverQueryClient.prefetchQuery(q.hwmHistory({ hwm_id: hwm.id })),
  ])
  const page = <Page namespaceId={ns.id} hwmId={hwm.id} />
  const html = renderToString(
    <QueryClientProvider client={serverQueryClient}>
      <HorizonProvider client={serverClient}>{page}</HorizonProvider>
    </QueryClientProvider>,
  )
  const state = JSON.parse(JSON.stringify(dehydrate(serverQueryClient)))
  expect(html).toContain('orders=8')

  // "Browser": a new client of the same user, which has not even logged in.
  server.clearRequests()
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  const recoverable: unknown[] = []
  await act(async () => {
    hydrateRoot(
      container,
      <QueryClientProvider client={new QueryClient()}>
        <HydrationBoundary state={state}>
          <HorizonProvider client={clientFor(server)}>{page}</HorizonProvider>
        </HydrationBoundary>
      </QueryClientProvider>,
      { onRecoverableError: (e) => recoverable.push(e) },
    )
  })
  await new Promise((r) => setTimeout(r, 100))
  expect(recoverable).toEqual([]) // no hydration mismatch
  expect(container.innerHTML).toBe(html)
  expect(container.textContent).toContain('Updated')
  expect(server.requests).toEqual([])
})
