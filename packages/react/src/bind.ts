import type { HorizonError, OperationResult } from '@horizon-ts/core'
import type { MutationName, MutationVariables, OptimisticOption, Pages } from '@horizon-ts/core/query'
import {
  type UseInfiniteQueryResult,
  type UseMutationResult,
  type UseQueryResult,
  type UseSuspenseQueryResult,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useSuspenseQuery,
} from '@tanstack/react-query'
import { useHorizon } from './context.js'
import type {
  Args,
  DataOf,
  HorizonUseInfiniteQueryOptions,
  HorizonUseMutationOptions,
  HorizonUseQueryOptions,
  HorizonUseSuspenseQueryOptions,
  InfiniteQueryHook,
  MutationHook,
  OneName,
  PagesName,
  QueryHook,
  SuspenseQueryHook,
} from './types.js'

// Each hook is the core's factory of the same name run in the provider's client, with TanStack's
// options merged over it; its exact type comes from the factory's (types.ts). The generic hooks
// do the work and the named ones call them with their name, so nothing is bound per render.
type Use = (options: never) => unknown
type Generic = (...args: never[]) => unknown

/** The generic hook over TanStack's `use`: read `name`'s arguments, then TanStack's options. */
const generic =
  (use: Use) =>
  (name: OneName | PagesName, ...args: unknown[]): never => {
    const factory = useHorizon().queries[name] as (...args: unknown[]) => object
    // A factory declares its operation's parameters: TanStack's options come after them.
    return use({ ...factory(...args), ...(args[factory.length] as object) } as never) as never
  }

/** The hook of one name: the generic hook with the name given. */
const named =
  (hook: Generic) =>
  (name: string): never =>
    ((...args: never[]) => hook(name as never, ...args)) as never

/**
 * The query hook of any read, by its factory name: for code where the read is a variable, and for
 * a read added to the operation table before it has a named hook. `useHorizonQuery('hwm', 5)` is
 * `useHwm(5)`.
 * @example `const { data } = useHorizonQuery('hwmPage', { namespace_id: 1 }, { enabled: open })`
 */
export const useHorizonQuery: <N extends OneName, TData = DataOf<N>>(
  name: N,
  ...args: [...Args<N>, options?: HorizonUseQueryOptions<DataOf<N>, TData>]
) => UseQueryResult<TData, HorizonError> = generic(useQuery)

/**
 * The Suspense query hook of any read, by its factory name.
 * @example `const { data: hwm } = useHorizonSuspenseQuery('hwm', 5)`
 */
export const useHorizonSuspenseQuery: <N extends OneName, TData = DataOf<N>>(
  name: N,
  ...args: [...Args<N>, options?: HorizonUseSuspenseQueryOptions<DataOf<N>, TData>]
) => UseSuspenseQueryResult<TData, HorizonError> = generic(useSuspenseQuery)

/**
 * The infinite query hook of any paginated read, by its factory name.
 * @example `const { data, fetchNextPage } = useHorizonInfiniteQuery('hwmInfinite', { namespace_id: 1 })`
 */
export const useHorizonInfiniteQuery: <N extends PagesName, TData = Pages<DataOf<N>>>(
  name: N,
  ...args: [...Args<N>, options?: HorizonUseInfiniteQueryOptions<DataOf<N>, TData>]
) => UseInfiniteQueryResult<TData, HorizonError> = generic(useInfiniteQuery)

/**
 * The mutation hook of any write, by its operation name, with its cache effects.
 * @example `useHorizonMutation('updateHwm', { optimistic: true }).mutate([5, { value: 2 }])`
 */
export const useHorizonMutation = <K extends MutationName, TOnMutateResult = unknown>(
  name: K,
  options?: HorizonUseMutationOptions<K, TOnMutateResult>,
): UseMutationResult<OperationResult<K>, HorizonError, MutationVariables<K>, TOnMutateResult> =>
  useMutation({
    ...(useHorizon().mutations[name] as (o?: OptimisticOption) => object)(options as OptimisticOption),
    ...options,
  } as never)

/**
 * The `useQuery` hook of read `name`.
 * @example `export const useHwm = queryHook('hwm')`
 */
export const queryHook: <N extends OneName>(name: N) => QueryHook<N> = named(useHorizonQuery)
/**
 * The `useSuspenseQuery` hook of read `name`.
 * @example `export const useSuspenseHwm = suspenseHook('hwm')`
 */
export const suspenseHook: <N extends OneName>(name: N) => SuspenseQueryHook<N> = named(useHorizonSuspenseQuery)
/**
 * The `useInfiniteQuery` hook of paginated read `name`.
 * @example `export const useHwmInfinite = infiniteHook('hwmInfinite')`
 */
export const infiniteHook: <N extends PagesName>(name: N) => InfiniteQueryHook<N> = named(useHorizonInfiniteQuery)
/**
 * The `useMutation` hook of write `name`, its cache effects applied before it resolves.
 * @example `export const useUpdateHwm = mutationHook('updateHwm')`
 */
export const mutationHook: <K extends MutationName>(name: K) => MutationHook<K> = named(useHorizonMutation)
