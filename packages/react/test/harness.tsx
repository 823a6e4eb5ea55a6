/** Shared by the React tests: a real server, clients on it, a provider tree, request counting. */
import { HorizonClient, type HorizonClientOptions, LoginPassword } from '@horizon-ts/core'
import { checkResponse } from '@horizon-ts/core/schemas'
import { HorizonProvider } from '@horizon-ts/react'
import { type HorizonServer, startHorizonServer } from '@horizon-ts/server'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'

export async function startServer(options: Parameters<typeof startHorizonServer>[0] = {}): Promise<HorizonServer> {
  return startHorizonServer({ port: 0, seed: 'empty', superadmins: ['admin'], ...options })
}

/** A client logged in (lazily) as `login`; retries off so that request counts are exact. */
export function clientFor(server: HorizonServer, login = 'admin', options: Partial<HorizonClientOptions> = {}) {
  return new HorizonClient({
    baseUrl: server.url,
    auth: new LoginPassword({ login, password: 'secret' }),
    retry: false,
    validateResponses: checkResponse,
    ...options,
  })
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
