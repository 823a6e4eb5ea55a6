import type { HorizonError, OperationResult, PageResponseV1 } from '@horizon-ts/core'
import type {
  HorizonInfiniteQueryOptions,
  HorizonQueries,
  HorizonQueryOptions,
  MutationName,
  MutationVariables,
  OptimisticMutationName,
  OptimisticOption,
  Pages,
  QueryName,
} from '@horizon-ts/core/query'
import type {
  OmitKeyof,
  QueryKey,
  UseInfiniteQueryOptions,
  UseInfiniteQueryResult,
  UseMutationOptions,
  UseMutationResult,
  UseQueryOptions,
  UseQueryResult,
  UseSuspenseQueryOptions,
  UseSuspenseQueryResult,
} from '@tanstack/react-query'

type Factory<N extends QueryName> = HorizonQueries[N]
/** The reads answered in one piece, and the infinite (paged) ones. */
export type OneName = {
  [N in QueryName]: ReturnType<Factory<N>> extends HorizonQueryOptions<unknown> ? N : never
}[QueryName]
export type PagesName = Exclude<QueryName, OneName>
/** What a read answers: the data of a one-piece read, the page item of an infinite one. */
export type DataOf<N extends QueryName> =
  ReturnType<Factory<N>> extends HorizonQueryOptions<infer T>
    ? T
    : ReturnType<Factory<N>> extends HorizonInfiniteQueryOptions<infer P>
      ? P
      : never
/** The arguments of read factory `N`. */
export type Args<N extends QueryName> = Parameters<Factory<N>>

/** TanStack's `useQuery` options but the key and the fetcher, which come from `horizonQueries`. */
export type HorizonUseQueryOptions<T, TData = T> = OmitKeyof<
  UseQueryOptions<T, HorizonError, TData, QueryKey>,
  'queryKey' | 'queryFn'
>
/** TanStack's `useSuspenseQuery` options but the key and the fetcher. */
export type HorizonUseSuspenseQueryOptions<T, TData = T> = OmitKeyof<
  UseSuspenseQueryOptions<T, HorizonError, TData, QueryKey>,
  'queryKey' | 'queryFn'
>
/** TanStack's `useInfiniteQuery` options but the key, the fetcher and the page numbering (from `query.page`). */
export type HorizonUseInfiniteQueryOptions<P, TData = Pages<P>> = OmitKeyof<
  UseInfiniteQueryOptions<PageResponseV1<P>, HorizonError, TData, QueryKey, number>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
>

/** A query hook: the factory's arguments, then TanStack's options; `select` sets `TData`. */
export type QueryHook<N extends OneName> = <TData = DataOf<N>>(
  ...args: [...Args<N>, options?: HorizonUseQueryOptions<DataOf<N>, TData>]
) => UseQueryResult<TData, HorizonError>
/** A suspense query hook: `data` is always defined; errors go to the nearest error boundary. */
export type SuspenseQueryHook<N extends OneName> = <TData = DataOf<N>>(
  ...args: [...Args<N>, options?: HorizonUseSuspenseQueryOptions<DataOf<N>, TData>]
) => UseSuspenseQueryResult<TData, HorizonError>
/** An infinite query hook: pages numbered from `query.page` (default 1); `fetchNextPage` follows `meta.next_page`. */
export type InfiniteQueryHook<N extends PagesName> = <TData = Pages<DataOf<N>>>(
  ...args: [...Args<N>, options?: HorizonUseInfiniteQueryOptions<DataOf<N>, TData>]
) => UseInfiniteQueryResult<TData, HorizonError>

/** TanStack's `useMutation` options but the fetcher; plus `optimistic` where offered. */
export type HorizonUseMutationOptions<K extends MutationName, TOnMutateResult = unknown> = OmitKeyof<
  UseMutationOptions<OperationResult<K>, HorizonError, MutationVariables<K>, TOnMutateResult>,
  'mutationFn'
> &
  (K extends OptimisticMutationName ? OptimisticOption : unknown)
/** A mutation hook: `mutate` takes the core method's argument, or its arguments as a tuple. */
export type MutationHook<K extends MutationName> = <TOnMutateResult = unknown>(
  options?: HorizonUseMutationOptions<K, TOnMutateResult>,
) => UseMutationResult<OperationResult<K>, HorizonError, MutationVariables<K>, TOnMutateResult>
