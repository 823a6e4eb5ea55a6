/** Every write as a `useMutation` hook over the core's factories. */
import { mutationHook } from './bind.js'

// Each hook applies its row of `invalidation` (from @horizon-ts/core/query) before it resolves;
// your own onSuccess therefore sees the cache already updated.

/**
 * Creates a namespace (`client.createNamespace`); lists refetch.
 * @example `useCreateNamespace().mutate({ name: 'etl', description: '' })`
 */
export const useCreateNamespace = mutationHook('createNamespace')
/**
 * Updates a namespace (`client.updateNamespace`): variables `[id, data]`.
 * @example `useUpdateNamespace().mutate([id, { description: 'nightly jobs' }])`
 */
export const useUpdateNamespace = mutationHook('updateNamespace')
/**
 * Deletes a namespace (`client.deleteNamespace`); its queries are dropped.
 * @example `useDeleteNamespace({ onSuccess: () => navigate('/') }).mutate(id)`
 */
export const useDeleteNamespace = mutationHook('deleteNamespace')
/**
 * Changes a namespace's permissions (`client.updateNamespacePermissions`): variables `[id, data]`.
 * @example `useUpdateNamespacePermissions().mutate([id, { permissions: [{ username: 'bob', role: 'DEVELOPER' }] }])`
 */
export const useUpdateNamespacePermissions = mutationHook('updateNamespacePermissions')
/**
 * Creates an HWM (`client.createHwm`); its namespace's lists refetch.
 * @example `useCreateHwm().mutate({ namespace_id: 1, name: 'orders', type: 'column_int', value: 0 })`
 */
export const useCreateHwm = mutationHook('createHwm')
/**
 * Updates an HWM. With `optimistic: true` the new fields show in its detail at once; on error
 * they roll back and the error surfaces as `error`.
 * @example
 * ```tsx
 * const update = useUpdateHwm({ optimistic: true })
 * update.mutate([hwm.id, { value: 42 }])
 * ```
 */
export const useUpdateHwm = mutationHook('updateHwm')
/**
 * Deletes an HWM (`client.deleteHwm`); its queries are dropped.
 * @example `useDeleteHwm().mutate(hwm.id)`
 */
export const useDeleteHwm = mutationHook('deleteHwm')
/**
 * Copies HWMs to another namespace (`client.bulkCopyHwm`).
 * @example `useBulkCopyHwm().mutate({ source_namespace_id: 1, target_namespace_id: 2, hwm_ids: [5], with_history: true })`
 */
export const useBulkCopyHwm = mutationHook('bulkCopyHwm')
/**
 * Deletes HWMs of a namespace (`client.bulkDeleteHwm`): variables `[namespaceId, hwmIds]`.
 * @example `useBulkDeleteHwm().mutate([namespaceId, [5, 6]])`
 */
export const useBulkDeleteHwm = mutationHook('bulkDeleteHwm')
