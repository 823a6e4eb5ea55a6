import type { GetNextPageParamFunction, QueryFunction, QueryOptions } from '@tanstack/query-core'
import type { HorizonClient } from '../horizon/client.js'
import type { HorizonError } from '../horizon/errors.js'
import { type OperationArgs, type OperationResult, operations, type ReadName } from '../horizon/operations.js'
import type { PageResponseV1 } from '../horizon/types.js'
import { type HorizonKey, horizonKeys, type Pages } from './keys.js'
import { horizonReads, type ItemOf, type PagesNameOf, type QueryNameOf } from './reads.js'

/**
 * How long an answer counts as fresh: 30 s. Horizon data changes through this client's mutations
 * (which invalidate precisely) or through ETL runs elsewhere; 30 s spares refetches on every mount
 * and focus while keeping other writers' changes visible soon, and lets SSR hydrate without refetching.
 */
export const HORIZON_STALE_TIME = 30_000

// TanStack's retries are off: the core already retries each method by the right rules (idempotent
// methods, 502/503/504, Retry-After); both layers retrying would multiply the attempts.
const defaults = { retry: false, staleTime: HORIZON_STALE_TIME } as const

/** TanStack's `retry` option typed with Horizon's errors (it also lets `useQuery` infer `TError`). */
export type HorizonRetry = NonNullable<QueryOptions<unknown, HorizonError>['retry']>

/** Options of a read, for `useQuery`, `useSuspenseQuery`, `prefetchQuery`, `ensureQueryData`, `fetchQuery`. */
export interface HorizonQueryOptions<T> {
  /** the read's key from `horizonKeys`, typed with its data */
  queryKey: HorizonKey<T>
  /** calls the client method with TanStack's `signal` */
  queryFn: QueryFunction<T>
  /** `false`: the client already retries by urllib3's rules */
  retry: HorizonRetry
  /** `HORIZON_STALE_TIME` (30 s) */
  staleTime: number
}

/** Options of a paginated read as pages numbered from 1, for `useInfiniteQuery` and `prefetchInfiniteQuery`. */
export interface HorizonInfiniteQueryOptions<P> {
  /** the list's key from `horizonKeys`, typed with its pages */
  queryKey: HorizonKey<Pages<P>>
  /** fetches page `pageParam` with TanStack's `signal` */
  queryFn: QueryFunction<PageResponseV1<P>, HorizonKey<Pages<P>>, number>
  /** `query.page`, default 1 */
  initialPageParam: number
  /** `meta.next_page`: undefined on the last page */
  getNextPageParam: GetNextPageParamFunction<number, PageResponseV1<P>>
  /** `meta.previous_page`: undefined on the first page */
  getPreviousPageParam: GetNextPageParamFunction<number, PageResponseV1<P>>
  /** `false`: the client already retries by urllib3's rules */
  retry: HorizonRetry
  /** `HORIZON_STALE_TIME` (30 s) */
  staleTime: number
}

/** The read factories of one client: one per `read.query` and `read.pages` of the operation rows. */
export type HorizonQueries = {
  [K in ReadName as QueryNameOf<K>]: (...args: OperationArgs<K>) => HorizonQueryOptions<OperationResult<K>>
} & { [K in ReadName as PagesNameOf<K>]: (...args: OperationArgs<K>) => HorizonInfiniteQueryOptions<ItemOf<K>> }
/** The name of a read factory, such as `'hwm'` or `'hwmInfinite'`. */
export type QueryName = keyof HorizonQueries

type Method = (...args: unknown[]) => Promise<unknown>

/**
 * `queryOptions`-style factories for every Horizon read. They depend on `@tanstack/query-core`
 * only, so any adapter (React, Vue, Solid, Svelte) and any server can use them. Each passes
 * TanStack's `signal` to the core call: an unmounted or cancelled query aborts its request.
 * Infinite lists start at `query.page` (default 1) and follow `meta.next_page`.
 * @example
 * ```ts
 * const q = horizonQueries(client)
 * await queryClient.prefetchQuery(q.hwm(5))
 * const page = await queryClient.ensureQueryData(q.hwmPage({ namespace_id: 1, page_size: 50 }))
 * useQuery({ ...q.namespace(1), select: (ns) => ns.name })
 * ```
 */
export function horizonQueries(client: HorizonClient): HorizonQueries {
  const keys = horizonKeys(client) as unknown as Record<string, (...args: unknown[]) => HorizonKey<unknown>>
  const factories: Record<string, (...args: never[]) => object> = {}
  for (const [factory, { operation, infinite }] of Object.entries(horizonReads)) {
    // Through the client method (not `call`), with the options after every argument slot.
    const options = (args: unknown[]): HorizonQueryOptions<unknown> => ({
      queryKey: keys[factory]!(...args),
      queryFn: ({ signal }) => (client[operation] as Method)(...args, { signal }),
      ...defaults,
    })
    // Each factory declares its operation's parameters (a read takes none or one), so its `length`
    // is where the React hooks find TanStack's options after them.
    factories[factory] = infinite
      ? (query?: { page?: number }): HorizonInfiniteQueryOptions<unknown> => {
          query ??= {}
          return {
            queryKey: keys[factory]!(query) as HorizonKey<Pages<unknown>>,
            // A paginated read's one argument is its query.
            queryFn: ({ signal, pageParam }) =>
              (client[operation] as Method)({ ...query, page: pageParam }, { signal }) as Promise<
                PageResponseV1<unknown>
              >,
            initialPageParam: query.page ?? 1,
            getNextPageParam: (last) => last.meta.next_page ?? undefined,
            getPreviousPageParam: (first) => first.meta.previous_page ?? undefined,
            ...defaults,
          }
        }
      : operations[operation].parts.length
        ? (arg: unknown) => options([arg])
        : () => options([])
  }
  return factories as unknown as HorizonQueries
}
