import { type HorizonError, type OperationResult, operations } from '@horizon-ts/core'
import {
  horizonReads,
  type MutationName,
  type MutationVariables,
  type OptimisticOption,
  type Pages,
} from '@horizon-ts/core/query'
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
// options merged over it; its exact type comes from the factory's (types.ts).
type UseFn = (options: never) => unknown
type AnyFactory = (...args: unknown[]) => object

/** A hook over read `name`: the operation's arguments, then TanStack's options. */
const bindQuery = (name: OneName | PagesName, use: UseFn) => {
  const arity = operations[horizonReads[name].operation].parts.length
  return (...args: unknown[]) => {
    const factory = useHorizon().queries[name] as AnyFactory
    return use({ ...factory(...args.slice(0, arity)), ...(args[arity] as object) } as never)
  }
}

// The generic hooks bind each name once, not on every render.
const bound = new Map<string, (...args: unknown[]) => unknown>()
const boundOnce = <H>(key: string, bind: () => H): H => {
  let hook = bound.get(key)
  if (!hook) {
    hook = bind() as (...args: unknown[]) => unknown
    bound.set(key, hook)
  }
  return hook as H
}

/**
 * The `useQuery` hook of read `name`.
 * @example `export const useHwm = queryHook('hwm')`
 */
export const queryHook = <N extends OneName>(name: N) => bindQuery(name, useQuery) as QueryHook<N>
/**
 * The `useSuspenseQuery` hook of read `name`.
 * @example `export const useSuspenseHwm = suspenseHook('hwm')`
 */
export const suspenseHook = <N extends OneName>(name: N) => bindQuery(name, useSuspenseQuery) as SuspenseQueryHook<N>
/**
 * The `useInfiniteQuery` hook of paginated read `name`.
 * @example `export const useHwmInfinite = infiniteHook('hwmInfinite')`
 */
export const infiniteHook = <N extends PagesName>(name: N) => bindQuery(name, useInfiniteQuery) as InfiniteQueryHook<N>

/**
 * The `useMutation` hook of write `name`, its cache effects applied before it resolves.
 * @example `export const useUpdateHwm = mutationHook('updateHwm')`
 */
export const mutationHook = <K extends MutationName>(name: K) =>
  ((options?: OptimisticOption) => {
    const factory = useHorizon().mutations[name] as (o?: OptimisticOption) => object
    return useMutation({ ...factory(options), ...options } as never)
  }) as MutationHook<K>

/**
 * The query hook of any read, by its factory name: for code where the read is a variable, and for
 * a read added to the operation table before it has a named hook. `useHorizonQuery('hwm', 5)` is
 * `useHwm(5)`.
 * @example `const { data } = useHorizonQuery('hwmPage', { namespace_id: 1 }, { enabled: open })`
 */
export function useHorizonQuery<N extends OneName, TData = DataOf<N>>(
  name: N,
  ...args: [...Args<N>, options?: HorizonUseQueryOptions<DataOf<N>, TData>]
): UseQueryResult<TData, HorizonError> {
  return boundOnce(`query ${name}`, () => queryHook(name))<TData>(...args)
}

/**
 * The Suspense query hook of any read, by its factory name.
 * @example `const { data: hwm } = useHorizonSuspenseQuery('hwm', 5)`
 */
export function useHorizonSuspenseQuery<N extends OneName, TData = DataOf<N>>(
  name: N,
  ...args: [...Args<N>, options?: HorizonUseSuspenseQueryOptions<DataOf<N>, TData>]
): UseSuspenseQueryResult<TData, HorizonError> {
  return boundOnce(`suspense ${name}`, () => suspenseHook(name))<TData>(...args)
}

/**
 * The infinite query hook of any paginated read, by its factory name.
 * @example `const { data, fetchNextPage } = useHorizonInfiniteQuery('hwmInfinite', { namespace_id: 1 })`
 */
export function useHorizonInfiniteQuery<N extends PagesName, TData = Pages<DataOf<N>>>(
  name: N,
  ...args: [...Args<N>, options?: HorizonUseInfiniteQueryOptions<DataOf<N>, TData>]
): UseInfiniteQueryResult<TData, HorizonError> {
  return boundOnce(`infinite ${name}`, () => infiniteHook(name))<TData>(...args)
}

/**
 * The mutation hook of any write, by its operation name, with its cache effects.
 * @example `useHorizonMutation('updateHwm', { optimistic: true }).mutate([5, { value: 2 }])`
 */
export function useHorizonMutation<K extends MutationName, TOnMutateResult = unknown>(
  name: K,
  options?: HorizonUseMutationOptions<K, TOnMutateResult>,
): UseMutationResult<OperationResult<K>, HorizonError, MutationVariables<K>, TOnMutateResult> {
  return boundOnce(`mutation ${name}`, () => mutationHook(name))<TOnMutateResult>(options)
}
