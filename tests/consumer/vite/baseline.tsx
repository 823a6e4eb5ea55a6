// The baseline of app.tsx: the same app with react-query and fetch alone (see app.tsx).
import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'

interface Hwm {
  name: string
  value: unknown
}
const call = async (path: string, init?: RequestInit) => (await fetch(`/horizon-api${path}`, init)).json()

function Hwm({ id }: { id: number }) {
  const { data, error } = useQuery<Hwm>({ queryKey: ['hwm', id], queryFn: () => call(`/v1/hwm/${id}`) })
  const update = useMutation({
    mutationFn: (value: unknown) => call(`/v1/hwm/${id}`, { method: 'PATCH', body: JSON.stringify({ value }) }),
  })
  if (error) return <p>{error.message}</p>
  return (
    <button type="button" onClick={() => update.mutate(1)}>
      {data?.name}: {String(data?.value)}
    </button>
  )
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <QueryClientProvider client={new QueryClient()}>
    <Hwm id={1} />
  </QueryClientProvider>,
)
