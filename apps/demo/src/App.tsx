import type { QueryClient } from '@tanstack/react-query'
import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { Router } from 'wouter'
import { AppRoutes } from './AppRoutes'
import { Devtools } from './components/Devtools'
import { SessionWatcher } from './components/SessionWatcher'
import { AnnouncerProvider } from './lib/announcer'
import { createQueryClient } from './lib/query-client'
import { SessionProvider, type SessionProviderProps } from './lib/session'

export interface AppProps {
  /** the query cache; the browser passes one it hydrated from a server render, a server one per request */
  queryClient?: QueryClient
  /** set by the SSR server: the request's URL, bootstrap and session client */
  server?: SessionProviderProps['server'] & { url: URL }
}

/** Providers, outermost first: the query cache, the session (which provides the Horizon client), announcements. */
export function App({ queryClient: given, server }: AppProps) {
  const [queryClient] = useState(() => given ?? createQueryClient())
  const routes = (
    <SessionProvider server={server}>
      <AnnouncerProvider>
        <SessionWatcher />
        <AppRoutes />
      </AnnouncerProvider>
    </SessionProvider>
  )
  return (
    <QueryClientProvider client={queryClient}>
      {/* On the server the location is the request's; in the browser, the address bar's. */}
      {server ? (
        <Router ssrPath={server.url.pathname} ssrSearch={server.url.search.slice(1)}>
          {routes}
        </Router>
      ) : (
        routes
      )}
      <Devtools />
    </QueryClientProvider>
  )
}
