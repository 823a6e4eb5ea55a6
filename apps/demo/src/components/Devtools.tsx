import { lazy, Suspense } from 'react'

// Development only: `import.meta.env.DEV` is a constant false in a production build, so the
// bundler drops this import and the devtools never reach users.
const ReactQueryDevtools = import.meta.env.DEV
  ? lazy(() => import('@tanstack/react-query-devtools').then((m) => ({ default: m.ReactQueryDevtools })))
  : null

/** React Query Devtools, loaded lazily in development only. */
export function Devtools() {
  if (!ReactQueryDevtools) return null
  return (
    <Suspense fallback={null}>
      <ReactQueryDevtools buttonPosition="bottom-left" />
    </Suspense>
  )
}
