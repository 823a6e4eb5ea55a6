import type { GetNextPageParamFunction, QueryFunction, QueryOptions } from '@tanstack/query-core'
import type { HorizonClient } from '../horizon/client.js'
import type { HorizonError } from '../horizon/errors.js'
import type {
  HWMHistoryPaginateQueryV1,
  HWMPaginateQueryV1,
  NamespaceHistoryPaginateQueryV1,
  NamespacePaginateQueryV1,
  PageResponseV1,
} from '../horizon/types.js'
import type { CallOptions } from '../transport/types.js'
import { type HorizonKey, horizonKeys, type Pages } from './keys.js'

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
export function horizonQueries(client: HorizonClient) {
  const keys = horizonKeys(client)
  const one = <T>(queryKey: HorizonKey<T>, call: (o: CallOptions) => Promise<T>): HorizonQueryOptions<T> => ({
    queryKey,
    queryFn: ({ signal }) => call({ signal }),
    ...defaults,
  })
  const pages = <P, Q extends { page?: number }>(
    queryKey: HorizonKey<Pages<P>>,
    query: Q,
    call: (q: Q, o: CallOptions) => Promise<PageResponseV1<P>>,
  ): HorizonInfiniteQueryOptions<P> => ({
    queryKey,
    queryFn: ({ signal, pageParam }) => call({ ...query, page: pageParam }, { signal }),
    initialPageParam: query.page ?? 1,
    getNextPageParam: (last) => last.meta.next_page ?? undefined,
    getPreviousPageParam: (first) => first.meta.previous_page ?? undefined,
    ...defaults,
  })
  return {
    ping: () => one(keys.ping(), (o) => client.ping(o)),
    whoami: () => one(keys.whoami(), (o) => client.whoami(o)),
    namespaces: (query: NamespacePaginateQueryV1 = {}) =>
      one(keys.namespaces(query), (o) => client.paginateNamespaces(query, o)),
    namespacesInfinite: (query: NamespacePaginateQueryV1 = {}) =>
      pages(keys.namespacesInfinite(query), query, (q, o) => client.paginateNamespaces(q, o)),
    namespace: (id: number) => one(keys.namespace(id), (o) => client.getNamespace(id, o)),
    namespacePermissions: (id: number) =>
      one(keys.namespacePermissions(id), (o) => client.getNamespacePermissions(id, o)),
    namespaceHistory: (query: NamespaceHistoryPaginateQueryV1) =>
      one(keys.namespaceHistory(query), (o) => client.paginateNamespaceHistory(query, o)),
    namespaceHistoryInfinite: (query: NamespaceHistoryPaginateQueryV1) =>
      pages(keys.namespaceHistoryInfinite(query), query, (q, o) => client.paginateNamespaceHistory(q, o)),
    hwmPage: (query: HWMPaginateQueryV1) => one(keys.hwmPage(query), (o) => client.paginateHwm(query, o)),
    hwmInfinite: (query: HWMPaginateQueryV1) =>
      pages(keys.hwmInfinite(query), query, (q, o) => client.paginateHwm(q, o)),
    hwm: (id: number) => one(keys.hwm(id), (o) => client.getHwm(id, o)),
    hwmHistory: (query: HWMHistoryPaginateQueryV1) =>
      one(keys.hwmHistory(query), (o) => client.paginateHwmHistory(query, o)),
    hwmHistoryInfinite: (query: HWMHistoryPaginateQueryV1) =>
      pages(keys.hwmHistoryInfinite(query), query, (q, o) => client.paginateHwmHistory(q, o)),
  }
}

/** The read factories of one client (the return type of {@link horizonQueries}). */
export type HorizonQueries = ReturnType<typeof horizonQueries>
/** The name of a read. */
export type QueryName = keyof HorizonQueries
