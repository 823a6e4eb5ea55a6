import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { AppRoutes } from './AppRoutes'
import { Devtools } from './components/Devtools'
import { SessionWatcher } from './components/SessionWatcher'
import { AnnouncerProvider } from './lib/announcer'
import { createQueryClient } from './lib/query-client'
import { SessionProvider } from './lib/session'

/** Providers, outermost first: the query cache, the session (which provides the Horizon client), announcements. */
export function App() {
  const [queryClient] = useState(createQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <AnnouncerProvider>
          <SessionWatcher />
          <AppRoutes />
        </AnnouncerProvider>
      </SessionProvider>
      <Devtools />
    </QueryClientProvider>
  )
}
