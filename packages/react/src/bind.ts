import type { MutationName, OptimisticOption, QueryName } from '@horizon-ts/core/query'
import { useMutation } from '@tanstack/react-query'
import { useHorizon } from './context.js'

// The hooks are generated from the core's factories; their exact types are given where they are
// exported (see types.ts), so here the runtime stays small and untyped.
type UseFn = (options: never) => unknown
type AnyFactory = (...args: unknown[]) => object

/** A hook over read `name`: `arity` factory arguments, then TanStack's options merged over the factory's. */
export const bindQuery = <H>(name: QueryName, use: UseFn, arity: 0 | 1 = 1): H =>
  ((...args: unknown[]) => {
    const factory = useHorizon().queries[name] as AnyFactory
    return use({ ...factory(...args.slice(0, arity)), ...(args[arity] as object) } as never)
  }) as H

/** A hook over write `name`, with its row of the invalidation table applied on success. */
export const bindMutation = <H>(name: MutationName): H =>
  ((options?: OptimisticOption) => {
    const factory = useHorizon().mutations[name] as (o?: OptimisticOption) => object
    return useMutation({ ...factory(options), ...options } as never)
  }) as H
