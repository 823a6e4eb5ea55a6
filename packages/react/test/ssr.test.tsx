/**
 * SSR round trip: prefetch with the factories and render to a string as a Node server would,
 * dehydrate, then hydrate in the DOM with another client of the same user: no request at all.
 * Values beyond 2^53 keep every digit through serializeState/deserializeState, the state cannot
 * break out of its <script>, and concurrent renders for two users never mix their data.
 */
import type { HorizonClient, HWMResponseV1 } from '@horizon-ts/core'
import { stringifyJson } from '@horizon-ts/core/json'
import { deserializeState, horizonKeys, horizonQueries, serializeState } from '@horizon-ts/core/query'
import { HorizonProvider, useHwm, useHwmHistory, useHwmPage, useNamespace, useWhoami } from '@horizon-ts/react'
import type { HorizonServer } from '@horizon-ts/server'
import {
  type DehydratedState,
  dehydrate,
  HydrationBoundary,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query'
import { act } from '@testing-library/react'
import type { ReactNode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { clientFor, startServer, unique } from './harness.js'

let server: HorizonServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())
afterEach(() => {
  document.body.innerHTML = ''
})

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

const OFFSET = 1733080000123456789n
const TS = 18446744073709551616n
// A string no page may execute or lose: it tries to close the <script> the state travels in.
const HOSTILE = '</script><script>window.__pwned = 1</script><!-- & &amp; \u2028\u2029 >'

/** One HWM's value, written as exact JSON text by the component itself. */
function HwmValue({ id }: { id: number }) {
  const { data } = useHwm(id, { select: (h) => stringifyJson(h.value) })
  return <pre data-testid="value">{data}</pre>
}

/** What a Node server sends: the markup, then the state as JSON text in a non-executed script. */
const documentOf = (html: string, state: string) =>
  `<div id="root">${html}</div><script type="application/json" id="horizon-state">${state}</script>`

/** The browser side: reads the state from the page and hydrates `app` on it; answers the hydration errors. */
async function hydratePage(page: string, app: ReactNode): Promise<{ root: HTMLElement; recoverable: unknown[] }> {
  document.body.innerHTML = page
  const root = document.getElementById('root') as HTMLElement
  const state = deserializeState(document.getElementById('horizon-state')?.textContent ?? '')
  const recoverable: unknown[] = []
  await act(async () => {
    hydrateRoot(
      root,
      <QueryClientProvider client={new QueryClient()}>
        <HydrationBoundary state={state}>{app}</HydrationBoundary>
      </QueryClientProvider>,
      { onRecoverableError: (e) => recoverable.push(e) },
    )
  })
  await new Promise((r) => setTimeout(r, 50))
  return { root, recoverable }
}

describe('serializeState / deserializeState', () => {
  const hwm = (value: HWMResponseV1['value']) =>
    ({ id: 1, namespace_id: 1, name: 'offsets', type: 'int', value, description: '' }) as HWMResponseV1

  it('keep bigint and every other JSON value exactly; the text is safe inside <script>', () => {
    const queryClient = new QueryClient()
    const keys = horizonKeys({ options: { baseUrl: 'http://h' } })
    const value = { offset: OFFSET, ts: -TS, safe: 9007199254740991, ratio: 0.5, text: HOSTILE, list: [null, true] }
    queryClient.setQueryData(keys.hwm(1), hwm(value))
    const state = dehydrate(queryClient)
    expect(() => JSON.stringify(state)).toThrow(/BigInt/)

    const text = serializeState(state)
    expect(text).toContain('"offset":1733080000123456789')
    expect(text).toContain('"ts":-18446744073709551616')
    expect(text).not.toMatch(/[<>&\u2028\u2029]/)
    const back = deserializeState(text)
    expect(back).toEqual(state)
    expect((back.queries[0]!.state.data as HWMResponseV1).value).toEqual(value)
  })

  it('the state in a page stays one inert script, whatever the values hold', () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(horizonKeys({ options: { baseUrl: 'http://h' } }).hwm(1), hwm({ text: HOSTILE }))
    document.body.innerHTML = documentOf('<p>page</p>', serializeState(dehydrate(queryClient)))
    expect(document.querySelectorAll('script')).toHaveLength(1)
    expect(document.body.innerHTML).not.toContain('__pwned = 1</script>')
    const state: DehydratedState = deserializeState(document.getElementById('horizon-state')?.textContent ?? '')
    expect((state.queries[0]!.state.data as HWMResponseV1).value).toEqual({ text: HOSTILE })
  })

  it('a bigint put in the cache on the server is shown with every digit after hydration, with no request', async () => {
    const calls: string[] = []
    // Both sides are the same user ('etl') of a server that is never reached: the cache must answer.
    const client = (fetch: typeof globalThis.fetch) =>
      clientFor(server, 'etl', { baseUrl: 'http://horizon.invalid', fetch })
    const noNetwork: typeof fetch = async (input) => {
      calls.push(String(input instanceof Request ? input.url : input))
      throw new TypeError('no network in this test')
    }
    const serverClient = client(noNetwork)
    const serverQueryClient = new QueryClient()
    serverQueryClient.setQueryData(horizonKeys(serverClient).hwm(1), hwm({ offset: OFFSET, ts: TS }))
    const app = (c: HorizonClient) => (
      <HorizonProvider client={c}>
        <HwmValue id={1} />
      </HorizonProvider>
    )
    const html = renderToString(
      <QueryClientProvider client={serverQueryClient}>{app(serverClient)}</QueryClientProvider>,
    )
    expect(html).toContain('{&quot;offset&quot;:1733080000123456789,&quot;ts&quot;:18446744073709551616}')

    const { root, recoverable } = await hydratePage(
      documentOf(html, serializeState(dehydrate(serverQueryClient))),
      app(client(noNetwork)),
    )
    expect(recoverable).toEqual([])
    expect(root.textContent).toBe('{"offset":1733080000123456789,"ts":18446744073709551616}')
    expect(calls).toEqual([])
  })
})

it('the dev server round trip: prefetch, render, serialize, hydrate: exact digits and 0 requests', async () => {
  const admin = clientFor(server)
  const ns = await admin.createNamespace({ name: unique('ssr-exact'), description: '' })
  const value = { offset: OFFSET, ts: TS, note: HOSTILE }
  const hwm = await admin.createHwm({ namespace_id: ns.id, name: 'kafka', type: 'key_value_int', value })

  const serverClient = clientFor(server)
  const serverQueryClient = new QueryClient()
  await serverQueryClient.prefetchQuery(horizonQueries(serverClient).hwm(hwm.id))
  const app = (c: HorizonClient) => (
    <HorizonProvider client={c}>
      <HwmValue id={hwm.id} />
    </HorizonProvider>
  )
  const html = renderToString(<QueryClientProvider client={serverQueryClient}>{app(serverClient)}</QueryClientProvider>)
  const page = documentOf(html, serializeState(dehydrate(serverQueryClient)))

  server.clearRequests()
  const { root, recoverable } = await hydratePage(page, app(clientFor(server)))
  expect(recoverable).toEqual([])
  expect(document.querySelectorAll('script')).toHaveLength(1)
  expect(root.textContent).toBe(stringifyJson(value))
  expect(root.textContent).toContain('"offset":1733080000123456789,"ts":18446744073709551616')
  expect(server.requests).toEqual([])
})

/** What a user's page shows: who is logged in and their HWM. */
function Dashboard({ hwmId }: { hwmId: number }) {
  const me = useWhoami({ select: (u) => u.username })
  return (
    <main>
      <h1>{me.data}</h1>
      <HwmValue id={hwmId} />
    </main>
  )
}

describe('SSR isolation', () => {
  it('50 concurrent renders for two users never show one user’s data or token to the other', async () => {
    const id = unique('iso')
    const tokens: string[] = []
    // The real fetch, noting every token the server hands out, to look for them in the output.
    const noting: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      const url = input instanceof Request ? input.url : String(input)
      if (url.includes('/v1/auth/token'))
        tokens.push(((await res.clone().json()) as { access_token: string }).access_token)
      return res
    }
    const users = await Promise.all(
      ['alice', 'bob'].map(async (name) => {
        const login = `${name}-${id}`
        const client = clientFor(server, login, { fetch: noting }) // a LoginPassword of its own
        const ns = await client.createNamespace({ name: `${login}-ns`, description: '' })
        const secret = `${name}-secret-${id}`
        const hwm = await client.createHwm({
          namespace_id: ns.id,
          name: 'private',
          type: 'key_value_int',
          value: { secret, offset: name === 'alice' ? 1 : 2 },
        })
        return { login, secret, client, hwmId: hwm.id }
      }),
    )

    // One QueryClient per request, as every SSR server must; each user's client is shared by their requests.
    const render = async (user: (typeof users)[number]) => {
      const queryClient = new QueryClient()
      const q = horizonQueries(user.client)
      await new Promise((r) => setTimeout(r, Math.random() * 10))
      await Promise.all([queryClient.prefetchQuery(q.whoami()), queryClient.prefetchQuery(q.hwm(user.hwmId))])
      await new Promise((r) => setTimeout(r, Math.random() * 10))
      const html = renderToString(
        <QueryClientProvider client={queryClient}>
          <HorizonProvider client={user.client}>
            <Dashboard hwmId={user.hwmId} />
          </HorizonProvider>
        </QueryClientProvider>,
      )
      return { user, html, state: serializeState(dehydrate(queryClient)) }
    }
    const pages = await Promise.all(Array.from({ length: 50 }, (_, i) => render(users[i % 2]!)))

    expect(tokens.length).toBeGreaterThanOrEqual(2)
    for (const { user, html, state } of pages) {
      const other = users.find((u) => u !== user)!
      expect(html).toContain(`<h1>${user.login}</h1>`)
      expect(html).toContain(user.secret)
      expect(state).toContain(user.secret)
      for (const output of [html, state]) {
        expect(output).not.toContain(other.login)
        expect(output).not.toContain(other.secret)
        for (const token of tokens) {
          expect(output).not.toContain(token)
          expect(output).not.toContain(token.split('.')[2]) // not even the signature
        }
      }
      expect(html).toContain(`&quot;offset&quot;:${user === users[0] ? 1 : 2}`)
    }
  })
})
