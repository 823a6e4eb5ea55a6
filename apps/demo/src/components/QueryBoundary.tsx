import { QueryErrorResetBoundary } from '@tanstack/react-query'
import { type ReactNode, Suspense } from 'react'
import { ErrorBoundary } from './ErrorBoundary'
import { ErrorNotice } from './ErrorNotice'
import { Loading } from './Loading'

interface Props {
  loading: string
  resetKey?: unknown
  children: ReactNode
  /** what to show instead of the generic notice for some errors (e.g. "HWM not found") */
  renderError?: (error: unknown, retry: () => void) => ReactNode
}

/**
 * Suspense and an error boundary around screens that use the `useSuspense…` hooks: a loading line
 * while the data comes, the error in words (with "Try again", which refetches) if it fails.
 */
export function QueryBoundary({ loading, resetKey, children, renderError }: Props) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          resetKey={resetKey}
          onReset={reset}
          fallback={(error, retry) => renderError?.(error, retry) ?? <ErrorNotice error={error} onRetry={retry} />}
        >
          <Suspense fallback={<Loading label={loading} />}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  )
}
