import { partialMatchKey, type QueryKey } from '@tanstack/react-query'

/**
 * `keepPreviousData`, but only between pages of the same list: when the list itself changes (another
 * namespace's HWMs, another HWM's history), the loading state shows instead of the previous
 * entity's rows, which would otherwise be shown — and clickable — under the wrong heading.
 * @example `useHwmPage(query, { placeholderData: keepPreviousPageOf(keys.hwmLists(namespaceId)) })`
 */
export const keepPreviousPageOf =
  (list: QueryKey) =>
  <T>(previous: T | undefined, previousQuery?: { queryKey: QueryKey }): T | undefined =>
    previousQuery && partialMatchKey(previousQuery.queryKey, list) ? previous : undefined
