/**
 * `@horizon-ts/core/query`: query keys, query and mutation options and the invalidation table
 * for TanStack Query. It depends on `@tanstack/query-core` only, so React, Vue, Solid and Svelte
 * adapters, and non-React SSR, use it unchanged.
 * @example
 * ```ts
 * import { dehydrate, QueryClient } from '@tanstack/query-core'
 * import { horizonQueries, serializeState } from '@horizon-ts/core/query'
 * const queryClient = new QueryClient()
 * const hwm = await queryClient.fetchQuery(horizonQueries(client).hwm(5))
 * const html = `<script type="application/json" id="horizon-state">${serializeState(dehydrate(queryClient))}</script>`
 * ```
 */

export type { Effect } from '../query/effects.js'
export { applyEffects, invalidate, remove, write } from '../query/effects.js'
export type { EffectInput, InvalidationTable, MutationName } from '../query/invalidation.js'
export { invalidation } from '../query/invalidation.js'
export type { HorizonKey, HorizonKeys, Pages } from '../query/keys.js'
export { horizonKeys } from '../query/keys.js'
export type {
  HorizonMutationOptions,
  HorizonMutations,
  MutationVariables,
  OptimisticMutationName,
  OptimisticOption,
} from '../query/mutations.js'
export { horizonMutations } from '../query/mutations.js'
export type {
  HorizonInfiniteQueryOptions,
  HorizonQueries,
  HorizonQueryOptions,
  HorizonRetry,
  QueryName,
} from '../query/queries.js'
export { HORIZON_STALE_TIME, horizonQueries } from '../query/queries.js'
export type { HorizonReads } from '../query/reads.js'
export { horizonReads } from '../query/reads.js'
export type { HorizonScope, ScopeSource } from '../query/scope.js'
export { horizonScope } from '../query/scope.js'
export { deserializeState, serializeState } from '../query/ssr.js'
