import { operations } from '@horizon-ts/core'
import { horizonReads, type MutationName, type OptimisticOption } from '@horizon-ts/core/query'
import { useInfiniteQuery, useMutation, useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { useHorizon } from './context.js'
import type { InfiniteQueryHook, MutationHook, OneName, PagesName, QueryHook, SuspenseQueryHook } from './types.js'

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
