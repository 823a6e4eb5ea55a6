/**
 * What the screens read with their default views, built in one place: the screens call their hooks
 * with these arguments, and the SSR server prefetches the same ones, so the keys match and the
 * browser hydrates without a request. A change to a screen's query is a change here.
 */

/** The view each list starts in (until the user picks another, remembered in storage). */
export const DEFAULT_VIEWS = {
  hwms: 'pages',
  hwmHistory: 'scroll',
  namespaceHistory: 'scroll',
} as const satisfies Record<string, 'pages' | 'scroll'>

interface ListParams {
  page: number
  pageSize: number
  name: string
}

const named = (name: string) => (name ? { name } : {})

/** The namespaces list, a page at a time. */
export const namespacesRead = ({ page, pageSize, name }: ListParams) => ({ page, page_size: pageSize, ...named(name) })
/** A namespace's HWMs, a page at a time. */
export const hwmPageRead = (namespaceId: number, { page, pageSize, name }: ListParams) => ({
  namespace_id: namespaceId,
  page,
  page_size: pageSize,
  ...named(name),
})
/** A namespace's HWMs, scrolled. */
export const hwmScrollRead = (namespaceId: number, name: string) => ({
  namespace_id: namespaceId,
  page_size: 50,
  ...named(name),
})
/** An HWM's history beside the editor, scrolled. */
export const hwmHistoryScrollRead = (hwmId: number) => ({ hwm_id: hwmId, page_size: 10 })
/** A namespace's history tab, scrolled. */
export const namespaceHistoryScrollRead = (namespaceId: number) => ({ namespace_id: namespaceId, page_size: 20 })
