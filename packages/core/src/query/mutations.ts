import type { MutationFunction, MutationKey, QueryClient, QueryKey } from '@tanstack/query-core'
import type { HorizonClient } from '../horizon/client.js'
import {
  type OperationArgs,
  type OperationResult,
  type Operations,
  operations,
  type WriteInfo,
} from '../horizon/operations.js'
import { applyEffects, type Effect } from './effects.js'
import { type EffectInput, invalidation, type MutationName } from './invalidation.js'
import { horizonKeys } from './keys.js'
import type { HorizonRetry } from './queries.js'

/** What `mutate` takes: the core method's argument, or its arguments as a tuple when there are several. */
export type MutationVariables<K extends MutationName> = OperationArgs<K> extends [infer A] ? A : OperationArgs<K>

/** Options of a write, for `useMutation` or `queryClient.getMutationCache().build`. */
export interface HorizonMutationOptions<K extends MutationName> {
  /** `[...horizonKeys(client).all(), name]`, for `useIsMutating` and the mutation cache */
  mutationKey: MutationKey
  /** calls the client method, then applies the operation's row of `invalidation` */
  mutationFn: MutationFunction<OperationResult<K>, MutationVariables<K>>
  /** `false`: the client already retries by urllib3's rules */
  retry: HorizonRetry
}

/** The mutations that take `{ optimistic: true }`. */
export type OptimisticMutationName = {
  [K in MutationName]: Operations[K] extends { write: { preview: object } } ? K : never
}[MutationName]
/** `{ optimistic: true }` shows the new value in the detail at once and rolls it back on error. */
export interface OptimisticOption {
  /** show the new value before the server answers, roll back on error (default false) */
  optimistic?: boolean
}

/** The write factories of one client. */
export type HorizonMutations = {
  [K in MutationName]: (
    options?: K extends OptimisticMutationName ? OptimisticOption : never,
  ) => HorizonMutationOptions<K>
}

/**
 * Mutation options for every Horizon write: each calls the core method, then applies its row of
 * {@link invalidation} to the `QueryClient` the mutation runs in, before it resolves. No TanStack
 * retries (the core retries what is safe to retry). Usable from any adapter.
 * @example
 * ```ts
 * const m = horizonMutations(client)
 * const hwm = await new MutationObserver(queryClient, m.updateHwm()).mutate([5, { value: 2 }]) // query-core only
 * useMutation(m.updateHwm({ optimistic: true })).mutate([5, { value: 2 }])
 * ```
 */
export function horizonMutations(client: HorizonClient): HorizonMutations {
  const keys = horizonKeys(client)
  const factories: Record<string, (options?: OptimisticOption) => object> = {}
  for (const name in invalidation)
    factories[name] = (options) => ({
      mutationKey: [...keys.all(), name],
      retry: false,
      mutationFn: async (variables: unknown, { client: queryClient }: { client: QueryClient }) => {
        // No single-argument write takes an array, so an array is always the tuple of several arguments.
        const args = Array.isArray(variables) ? variables : [variables]
        const preview = (operations[name as MutationName].write as WriteInfo<unknown[], unknown>).preview?.(args)
        let undo: (() => unknown) | undefined
        if (options?.optimistic && preview) {
          const queryKey = (keys.of as (name: string, ...args: unknown[]) => QueryKey)(preview.read, ...preview.args)
          // A read in flight would overwrite the optimistic value with the old one.
          await queryClient.cancelQueries({ queryKey, exact: true })
          const previous = queryClient.getQueryData(queryKey)
          // As an updater: TanStack leaves the entry as it is when the preview answers undefined.
          queryClient.setQueryData(queryKey, preview.update)
          undo = () => queryClient.setQueryData(queryKey, previous)
        }
        const result = await (client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!(
          ...args,
        ).catch((e) => {
          undo?.()
          throw e
        })
        const effects = (invalidation[name as MutationName] as (input: EffectInput<MutationName>) => Effect[])({
          keys,
          args: args as never,
          result: result as never,
          cached: (key) => queryClient.getQueryData(key),
        })
        await applyEffects(queryClient, effects)
        return result
      },
    })
  return factories as never
}
