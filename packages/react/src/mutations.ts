import { bindMutation } from './bind.js'
import type { MutationHook } from './types.js'

// Each hook applies its row of `invalidation` (from @horizon-ts/core/query) before it resolves;
// your own onSuccess therefore sees the cache already updated.

/** @example `useCreateNamespace().mutate({ name: 'etl', description: '' })` */
export const useCreateNamespace = bindMutation<MutationHook<'createNamespace'>>('createNamespace')
/** @example `useUpdateNamespace().mutate([id, { description: 'nightly jobs' }])` */
export const useUpdateNamespace = bindMutation<MutationHook<'updateNamespace'>>('updateNamespace')
/** @example `useDeleteNamespace({ onSuccess: () => navigate('/') }).mutate(id)` */
export const useDeleteNamespace = bindMutation<MutationHook<'deleteNamespace'>>('deleteNamespace')
/** @example `useUpdateNamespacePermissions().mutate([id, { permissions: [{ username: 'bob', role: 'DEVELOPER' }] }])` */
export const useUpdateNamespacePermissions =
  bindMutation<MutationHook<'updateNamespacePermissions'>>('updateNamespacePermissions')
/** @example `useCreateHwm().mutate({ namespace_id: 1, name: 'orders', type: 'column_int', value: 0 })` */
export const useCreateHwm = bindMutation<MutationHook<'createHwm'>>('createHwm')
/**
 * Updates an HWM. With `optimistic: true` the new fields show in its detail at once; on error
 * they roll back and the error surfaces as `error`.
 * @example
 * ```tsx
 * const update = useUpdateHwm({ optimistic: true })
 * update.mutate([hwm.id, { value: 42 }])
 * ```
 */
export const useUpdateHwm = bindMutation<MutationHook<'updateHwm'>>('updateHwm')
/** @example `useDeleteHwm().mutate(hwm.id)` */
export const useDeleteHwm = bindMutation<MutationHook<'deleteHwm'>>('deleteHwm')
/** @example `useBulkCopyHwm().mutate({ source_namespace_id: 1, target_namespace_id: 2, hwm_ids: [5], with_history: true })` */
export const useBulkCopyHwm = bindMutation<MutationHook<'bulkCopyHwm'>>('bulkCopyHwm')
/** @example `useBulkDeleteHwm().mutate([namespaceId, [5, 6]])` */
export const useBulkDeleteHwm = bindMutation<MutationHook<'bulkDeleteHwm'>>('bulkDeleteHwm')
