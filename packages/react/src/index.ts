/**
 * `@horizon-ts/react`: a provider and TanStack Query hooks for every Horizon operation. Keys,
 * query options and the invalidation table live in `@horizon-ts/core/query`.
 * @example
 * ```tsx
 * import { HorizonProvider, useHwm, useUpdateHwm } from '@horizon-ts/react'
 * function Hwm({ id }: { id: number }) {
 *   const { data } = useHwm(id)
 *   const update = useUpdateHwm({ optimistic: true })
 *   return <button onClick={() => update.mutate([id, { value: 1 }])}>{String(data?.value)}</button>
 * }
 * ```
 */

export type { LoginVariables } from './auth.js'
export { useLogin, useLogout } from './auth.js'
export {
  useHorizonInfiniteQuery,
  useHorizonMutation,
  useHorizonQuery,
  useHorizonSuspenseQuery,
} from './bind.js'
export type { HorizonProviderProps } from './context.js'
export { HorizonProvider, useHorizonClient } from './context.js'
export * from './reads.js'
export type {
  HorizonUseInfiniteQueryOptions,
  HorizonUseMutationOptions,
  HorizonUseQueryOptions,
  HorizonUseSuspenseQueryOptions,
  InfiniteQueryHook,
  MutationHook,
  QueryHook,
  SuspenseQueryHook,
} from './types.js'
export * from './writes.js'
