import type { Query, QueryClient, QueryKey } from '@tanstack/query-core'
import type { HorizonKey } from './keys.js'

/** What a mutation does to one key (and, for `invalidate`/`remove`, to every key under it). */
export type Effect =
  | { type: 'write'; key: QueryKey; data: unknown }
  | { type: 'invalidate'; key: QueryKey }
  | { type: 'remove'; key: QueryKey }

/**
 * Puts the mutation's answer in the cache as that key's data (no refetch).
 * @example `write(horizonKeys(client).hwm(hwm.id), hwm)`
 */
export const write = <T>(key: HorizonKey<T>, data: T): Effect => ({ type: 'write', key, data })
/**
 * Marks every query under the prefix stale; the active ones refetch.
 * @example `invalidate(horizonKeys(client).hwmLists(1))`
 */
export const invalidate = (key: QueryKey): Effect => ({ type: 'invalidate', key })
/**
 * Drops every query under the prefix: the entity is gone, a refetch would only answer 404.
 * @example `remove(horizonKeys(client).hwm(5))`
 */
export const remove = (key: QueryKey): Effect => ({ type: 'remove', key })

/**
 * Applies effects, in order; resolves once the invalidated active queries have refetched (so a
 * mutation that awaits it settles on fresh lists). An invalidation spares the keys written before
 * it: they hold the server's answer already.
 * @example
 * ```ts
 * await applyEffects(queryClient, [write(keys.hwm(5), hwm), invalidate(keys.hwmLists(hwm.namespace_id))])
 * ```
 */
export async function applyEffects(queryClient: QueryClient, effects: Effect[]): Promise<void> {
  const refetches: Promise<void>[] = []
  const written = new Set<Query | undefined>()
  for (const { type, key: queryKey, data } of effects as { type: Effect['type']; key: QueryKey; data?: unknown }[])
    if (type === 'write') {
      // A fetch of the old value still in flight would otherwise land on top of the answer.
      await queryClient.cancelQueries({ queryKey, exact: true })
      queryClient.setQueryData(queryKey, data)
      written.add(queryClient.getQueryCache().find({ queryKey, exact: true }))
    } else if (type === 'remove') queryClient.removeQueries({ queryKey })
    else refetches.push(queryClient.invalidateQueries({ queryKey, predicate: (query) => !written.has(query) }))
  await Promise.all(refetches)
}
