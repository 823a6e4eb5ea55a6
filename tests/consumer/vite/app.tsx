// A small app on the installed packages, built by `vite build` (scripts/consumer.mjs): it must build,
// and its bundle, less baseline.tsx's (the same app on react-query and fetch alone), is the size
// @horizon-ts/core + react add to a user's app.
import { HorizonClient, LoginPassword } from '@horizon-ts/core'
import { HorizonProvider, useHwm, useUpdateHwm } from '@horizon-ts/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'

const client = new HorizonClient({
  baseUrl: '/horizon-api',
  auth: new LoginPassword({ login: 'me', password: 'secret' }),
})

function Hwm({ id }: { id: number }) {
  const { data, error } = useHwm(id)
  const update = useUpdateHwm()
  if (error) return <p>{error.message}</p>
  return (
    <button type="button" onClick={() => update.mutate([id, { value: 1 }])}>
      {data?.name}: {String(data?.value)}
    </button>
  )
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <QueryClientProvider client={new QueryClient()}>
    <HorizonProvider client={client}>
      <Hwm id={1} />
    </HorizonProvider>
  </QueryClientProvider>,
)
