import { useSuspenseQuery } from '@tanstack/react-query'
import { bindQuery } from './bind.js'
import type { SuspenseQueryHook } from './types.js'

// Suspense variants: `data` is always defined; put a <Suspense> and an error boundary above.

/**
 * `usePing` for Suspense: `data` is always defined.
 * @example `const { data } = useSuspensePing()`
 */
export const useSuspensePing = bindQuery<SuspenseQueryHook<'ping'>>('ping', useSuspenseQuery, 0)
/**
 * `useWhoami` for Suspense: `data` is always defined.
 * @example `const { data: me } = useSuspenseWhoami()`
 */
export const useSuspenseWhoami = bindQuery<SuspenseQueryHook<'whoami'>>('whoami', useSuspenseQuery, 0)
/**
 * `useNamespaces` for Suspense: `data` is always defined.
 * @example `const { data } = useSuspenseNamespaces({ page_size: 50 })`
 */
export const useSuspenseNamespaces = bindQuery<SuspenseQueryHook<'namespaces'>>('namespaces', useSuspenseQuery)
/**
 * `useNamespace` for Suspense: `data` is always defined.
 * @example `const { data: ns } = useSuspenseNamespace(id)`
 */
export const useSuspenseNamespace = bindQuery<SuspenseQueryHook<'namespace'>>('namespace', useSuspenseQuery)
/**
 * `useNamespaceHistory` for Suspense: `data` is always defined.
 * @example `useSuspenseNamespaceHistory({ namespace_id: 1 })`
 */
export const useSuspenseNamespaceHistory = bindQuery<SuspenseQueryHook<'namespaceHistory'>>(
  'namespaceHistory',
  useSuspenseQuery,
)
/**
 * `useNamespacePermissions` for Suspense: `data` is always defined.
 * @example `useSuspenseNamespacePermissions(1)`
 */
export const useSuspenseNamespacePermissions = bindQuery<SuspenseQueryHook<'namespacePermissions'>>(
  'namespacePermissions',
  useSuspenseQuery,
)
/**
 * `useHwmPage` for Suspense: `data` is always defined.
 * @example `const { data: page } = useSuspenseHwmPage({ namespace_id: 1 })`
 */
export const useSuspenseHwmPage = bindQuery<SuspenseQueryHook<'hwmPage'>>('hwmPage', useSuspenseQuery)
/**
 * `useHwm` for Suspense: `data` is always defined.
 * @example `const { data: hwm } = useSuspenseHwm(5)`
 */
export const useSuspenseHwm = bindQuery<SuspenseQueryHook<'hwm'>>('hwm', useSuspenseQuery)
/**
 * `useHwmHistory` for Suspense: `data` is always defined.
 * @example `useSuspenseHwmHistory({ hwm_id: 5 })`
 */
export const useSuspenseHwmHistory = bindQuery<SuspenseQueryHook<'hwmHistory'>>('hwmHistory', useSuspenseQuery)
