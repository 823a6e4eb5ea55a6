import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { reportAuthError } from './auth-events'

/**
 * The app's QueryClient. The Horizon hooks bring their own keys, retries (none: the core client
 * retries what is safe) and stale time; here only the 401 watch is added, on every query and mutation.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: reportAuthError }),
    mutationCache: new MutationCache({ onError: reportAuthError }),
  })
}
