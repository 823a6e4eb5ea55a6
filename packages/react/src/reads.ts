/** Every read as hooks: `useQuery`, `useInfiniteQuery` and `useSuspenseQuery` over the core's factories. */
import { infiniteHook, queryHook, suspenseHook } from './bind.js'

/** `GET /monitoring/ping`. @example `const { data } = usePing({ refetchInterval: 10_000 })` */
export const usePing = queryHook('ping')
/** The current user (`is_admin` for a superadmin). @example `const { data: me } = useWhoami()` */
export const useWhoami = queryHook('whoami')
/** A page of namespaces. @example `const { data } = useNamespaces({ page: 2, page_size: 20 })` */
export const useNamespaces = queryHook('namespaces')
/**
 * Namespaces page after page.
 * @example
 * ```tsx
 * const { data, fetchNextPage, hasNextPage } = useNamespacesInfinite({ page_size: 50 })
 * const all = data?.pages.flatMap((p) => p.items)
 * ```
 */
export const useNamespacesInfinite = infiniteHook('namespacesInfinite')
/** One namespace. @example `const { data: ns } = useNamespace(id, { enabled: id > 0 })` */
export const useNamespace = queryHook('namespace')
/** A page of a namespace's history, newest first. @example `useNamespaceHistory({ namespace_id: 1 })` */
export const useNamespaceHistory = queryHook('namespaceHistory')
/** A namespace's history page after page. @example `useNamespaceHistoryInfinite({ namespace_id: 1 })` */
export const useNamespaceHistoryInfinite = infiniteHook('namespaceHistoryInfinite')
/** A namespace's permissions, owner first (OWNER only). @example `useNamespacePermissions(1)` */
export const useNamespacePermissions = queryHook('namespacePermissions')
/**
 * A page of a namespace's HWMs.
 * @example
 * ```tsx
 * const { data } = useHwmPage({ namespace_id: 1, page }, { placeholderData: keepPreviousData })
 * ```
 */
export const useHwmPage = queryHook('hwmPage')
/** A namespace's HWMs page after page. @example `useHwmInfinite({ namespace_id: 1, page_size: 50 })` */
export const useHwmInfinite = infiniteHook('hwmInfinite')
/** One HWM. @example `const { data: value } = useHwm(5, { select: (h) => h.value })` */
export const useHwm = queryHook('hwm')
/** A page of an HWM's history, newest first. @example `useHwmHistory({ hwm_id: 5, page_size: 10 })` */
export const useHwmHistory = queryHook('hwmHistory')
/** An HWM's history page after page. @example `useHwmHistoryInfinite({ hwm_id: 5 })` */
export const useHwmHistoryInfinite = infiniteHook('hwmHistoryInfinite')

// Suspense variants: `data` is always defined; put a <Suspense> and an error boundary above.

/**
 * `usePing` for Suspense: `data` is always defined.
 * @example `const { data } = useSuspensePing()`
 */
export const useSuspensePing = suspenseHook('ping')
/**
 * `useWhoami` for Suspense: `data` is always defined.
 * @example `const { data: me } = useSuspenseWhoami()`
 */
export const useSuspenseWhoami = suspenseHook('whoami')
/**
 * `useNamespaces` for Suspense: `data` is always defined.
 * @example `const { data } = useSuspenseNamespaces({ page_size: 50 })`
 */
export const useSuspenseNamespaces = suspenseHook('namespaces')
/**
 * `useNamespace` for Suspense: `data` is always defined.
 * @example `const { data: ns } = useSuspenseNamespace(id)`
 */
export const useSuspenseNamespace = suspenseHook('namespace')
/**
 * `useNamespaceHistory` for Suspense: `data` is always defined.
 * @example `useSuspenseNamespaceHistory({ namespace_id: 1 })`
 */
export const useSuspenseNamespaceHistory = suspenseHook('namespaceHistory')
/**
 * `useNamespacePermissions` for Suspense: `data` is always defined.
 * @example `useSuspenseNamespacePermissions(1)`
 */
export const useSuspenseNamespacePermissions = suspenseHook('namespacePermissions')
/**
 * `useHwmPage` for Suspense: `data` is always defined.
 * @example `const { data: page } = useSuspenseHwmPage({ namespace_id: 1 })`
 */
export const useSuspenseHwmPage = suspenseHook('hwmPage')
/**
 * `useHwm` for Suspense: `data` is always defined.
 * @example `const { data: hwm } = useSuspenseHwm(5)`
 */
export const useSuspenseHwm = suspenseHook('hwm')
/**
 * `useHwmHistory` for Suspense: `data` is always defined.
 * @example `useSuspenseHwmHistory({ hwm_id: 5 })`
 */
export const useSuspenseHwmHistory = suspenseHook('hwmHistory')
