import { lazy, Suspense } from 'react'
import { useHydrated } from '../lib/use-hydrated'

// Development only: `import.meta.env.DEV` is a constant false in a production build, so the
// bundler drops this import and the devtools never reach users.
const ReactQueryDevtools = import.meta.env.DEV
  ? lazy(() => import('@tanstack/react-query-devtools').then((m) => ({ default: m.ReactQueryDevtools })))
  : null

/** React Query Devtools, loaded lazily in development only. */
export function Devtools() {
  // Not in a server render, nor during hydration: the server's HTML has none.
  const hydrated = useHydrated()
  if (!ReactQueryDevtools || !hydrated) return null
  return (
    <Suspense fallback={null}>
      <ReactQueryDevtools buttonPosition="bottom-left" />
    </Suspense>
  )
}
