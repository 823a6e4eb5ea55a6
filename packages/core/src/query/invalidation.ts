import type { OperationArgs, OperationResult } from '../horizon/operations.js'
import { type Effect, invalidate, remove, write } from './effects.js'
import type { HorizonKey, HorizonKeys } from './keys.js'

/** The operations that write. */
export type MutationName =
  | 'createNamespace'
  | 'updateNamespace'
  | 'deleteNamespace'
  | 'updateNamespacePermissions'
  | 'createHwm'
  | 'updateHwm'
  | 'deleteHwm'
  | 'bulkCopyHwm'
  | 'bulkDeleteHwm'

/** What an effect row sees: the client's keys, the call's arguments and answer, the cache before any effect. */
export interface EffectInput<K extends MutationName> {
  keys: HorizonKeys
  args: OperationArgs<K>
  result: OperationResult<K>
  cached: <T>(key: HorizonKey<T>) => T | undefined
}

/** One row per mutation: the keys it writes, invalidates or removes. */
export type InvalidationTable = { [K in MutationName]: (input: EffectInput<K>) => Effect[] }

/**
 * The one place that decides what each mutation does to the cache; the hooks and
 * `horizonMutations` only apply it. "Its history" and "lists" are prefixes: every page and
 * every infinite list under them.
 * @example
 * ```ts
 * const effects = invalidation.updateHwm({ keys, args: [5, { value: 2 }], result: hwm, cached })
 * await applyEffects(queryClient, effects)
 * ```
 */
export const invalidation: InvalidationTable = {
  createNamespace: ({ keys }) => [invalidate(keys.namespaceLists())],
  updateNamespace: ({ keys, args: [id], result }) => [
    write(keys.namespace(id), result),
    invalidate(keys.namespaceLists()),
    invalidate(keys.namespaceHistoryOf(id)),
  ],
  deleteNamespace: ({ keys, args: [id] }) => [
    remove(keys.namespace(id)),
    remove(keys.namespacePermissions(id)),
    remove(keys.namespaceHistoryOf(id)),
    invalidate(keys.namespaceLists()),
  ],
  updateNamespacePermissions: ({ keys, args: [id], result }) => [
    write(keys.namespacePermissions(id), result),
    // an ownership transfer changes the namespace's `owned_by`
    invalidate(keys.namespace(id)),
    invalidate(keys.namespaceLists()),
    invalidate(keys.namespaceHistoryOf(id)),
  ],
  createHwm: ({ keys, result }) => [write(keys.hwm(result.id), result), invalidate(keys.hwmLists(result.namespace_id))],
  updateHwm: ({ keys, args: [id], result }) => [
    write(keys.hwm(id), result),
    invalidate(keys.hwmLists(result.namespace_id)),
    invalidate(keys.hwmHistoryOf(id)),
  ],
  // The arguments do not name the namespace: it is read from the cached detail when there is one;
  // otherwise every HWM list of this scope is invalidated. The history stays (it gains a "Deleted" row).
  deleteHwm: ({ keys, args: [id], cached }) => [
    remove(keys.hwm(id)),
    invalidate(keys.hwmLists(cached(keys.hwm(id))?.namespace_id)),
    invalidate(keys.hwmHistoryOf(id)),
  ],
  bulkCopyHwm: ({ keys, args: [data] }) => [invalidate(keys.hwmLists(data.target_namespace_id))],
  bulkDeleteHwm: ({ keys, args: [namespaceId, ids] }) => [
    invalidate(keys.hwmLists(namespaceId)),
    ...ids.flatMap((id) => [remove(keys.hwm(id)), remove(keys.hwmHistoryOf(id))]),
  ],
}
