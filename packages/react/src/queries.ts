import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { bindQuery } from './bind.js'
import type { InfiniteQueryHook, QueryHook } from './types.js'

/** `GET /monitoring/ping`. @example `const { data } = usePing({ refetchInterval: 10_000 })` */
export const usePing = bindQuery<QueryHook<'ping'>>('ping', useQuery, 0)
/** The current user (`is_admin` for a superadmin). @example `const { data: me } = useWhoami()` */
export const useWhoami = bindQuery<QueryHook<'whoami'>>('whoami', useQuery, 0)
/** A page of namespaces. @example `const { data } = useNamespaces({ page: 2, page_size: 20 })` */
export const useNamespaces = bindQuery<QueryHook<'namespaces'>>('namespaces', useQuery)
/**
 * Namespaces page after page.
 * @example
 * ```tsx
 * const { data, fetchNextPage, hasNextPage } = useNamespacesInfinite({ page_size: 50 })
 * const all = data?.pages.flatMap((p) => p.items)
 * ```
 */
export const useNamespacesInfinite = bindQuery<InfiniteQueryHook<'namespacesInfinite'>>(
  'namespacesInfinite',
  useInfiniteQuery,
)
/** One namespace. @example `const { data: ns } = useNamespace(id, { enabled: id > 0 })` */
export const useNamespace = bindQuery<QueryHook<'namespace'>>('namespace', useQuery)
/** A page of a namespace's history, newest first. @example `useNamespaceHistory({ namespace_id: 1 })` */
export const useNamespaceHistory = bindQuery<QueryHook<'namespaceHistory'>>('namespaceHistory', useQuery)
/** A namespace's history page after page. @example `useNamespaceHistoryInfinite({ namespace_id: 1 })` */
export const useNamespaceHistoryInfinite = bindQuery<InfiniteQueryHook<'namespaceHistoryInfinite'>>(
  'namespaceHistoryInfinite',
  useInfiniteQuery,
)
/** A namespace's permissions, owner first (OWNER only). @example `useNamespacePermissions(1)` */
export const useNamespacePermissions = bindQuery<QueryHook<'namespacePermissions'>>('namespacePermissions', useQuery)
/**
 * A page of a namespace's HWMs.
 * @example
 * ```tsx
 * const { data } = useHwmPage({ namespace_id: 1, page }, { placeholderData: keepPreviousData })
 * ```
 */
export const useHwmPage = bindQuery<QueryHook<'hwmPage'>>('hwmPage', useQuery)
/** A namespace's HWMs page after page. @example `useHwmInfinite({ namespace_id: 1, page_size: 50 })` */
export const useHwmInfinite = bindQuery<InfiniteQueryHook<'hwmInfinite'>>('hwmInfinite', useInfiniteQuery)
/** One HWM. @example `const { data: value } = useHwm(5, { select: (h) => h.value })` */
export const useHwm = bindQuery<QueryHook<'hwm'>>('hwm', useQuery)
/** A page of an HWM's history, newest first. @example `useHwmHistory({ hwm_id: 5, page_size: 10 })` */
export const useHwmHistory = bindQuery<QueryHook<'hwmHistory'>>('hwmHistory', useQuery)
/** An HWM's history page after page. @example `useHwmHistoryInfinite({ hwm_id: 5 })` */
export const useHwmHistoryInfinite = bindQuery<InfiniteQueryHook<'hwmHistoryInfinite'>>(
  'hwmHistoryInfinite',
  useInfiniteQuery,
)
