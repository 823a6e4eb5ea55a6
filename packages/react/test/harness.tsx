/** Shared by the React tests: a real server, clients on it, a provider tree, request counting. */
import type { HorizonClient, HorizonClientOptions } from '@horizon-ts/core'
import { checkResponse } from '@horizon-ts/core/schemas'
import { HorizonProvider } from '@horizon-ts/react'
import type { HorizonServer, HorizonServerOptions } from '@horizon-ts/server'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { testClient } from '../../../tests/support/client.js'
import { startTarget } from '../../../tests/support/target.js'

/**
 * Always a local dev server (the hooks' tests read its request log and inject faults): `startTarget`
 * of tests/support/target.ts in `local` mode, its defaults (seed `empty`, `admin` a superadmin) under `options`.
 */
export async function startServer(options: HorizonServerOptions = {}): Promise<HorizonServer> {
  return (await startTarget({ mode: 'local', ...options })).server!
}

/**
 * A client logged in (lazily) as `login`, with the suites' password and no retries (request counts
 * are exact); the schemas bundled (`checkResponse`) rather than loaded.
 */
export function clientFor(server: HorizonServer, login = 'admin', options: Partial<HorizonClientOptions> = {}) {
  return testClient(server.url, login, { validateResponses: checkResponse, ...options })
}

export const newQueryClient = () => new QueryClient()

/** The tree every hook needs. */
export function Providers(props: { client: HorizonClient; queryClient: QueryClient; children?: ReactNode }) {
  return (
    <QueryClientProvider client={props.queryClient}>
      <HorizonProvider client={props.client}>{props.children}</HorizonProvider>
    </QueryClientProvider>
  )
}

export function wrapperFor(client: HorizonClient, queryClient: QueryClient) {
  return ({ children }: { children?: ReactNode }) => (
    <Providers client={client} queryClient={queryClient}>
      {children}
    </Providers>
  )
}

function Reader({ name, use }: { name: string; use: () => { status: string } }) {
  return <span data-testid={name}>{use().status}</span>
}

/** One component per read, so that a re-render of one never re-runs another's hook. */
export function renderReaders(
  readers: Record<string, () => { status: string }>,
  client: HorizonClient,
  queryClient: QueryClient,
): void {
  render(
    <Providers client={client} queryClient={queryClient}>
      {Object.entries(readers).map(([name, use]) => (
        <Reader key={name} name={name} use={use} />
      ))}
    </Providers>,
  )
}

/** The reads (GET path + query) the server answered since the last `clearRequests()`. */
export const reads = (server: HorizonServer) =>
  server.requests.filter((r) => r.method === 'GET').map((r) => `${r.path}${r.search}`)

let counter = 0
/** A name no other test uses. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`
