import { useState } from 'react'
import { useSearchParams } from 'wouter'

const PAGE_SIZES = [10, 20, 50]

/** Where a paged list is and how to move it: what `Pager` shows and changes. */
export interface Paging {
  page: number
  pageSize: number
  setPage(page: number): void
  /** a new size starts again at page 1 */
  setPageSize(size: number): void
}

/**
 * A list's page, page size and name filter, kept in the URL (`?page=2&size=50&name=x`) so a list
 * can be bookmarked, shared and restored with the back button.
 */
export function useListParams(defaultSize = 20): Paging & { name: string; setName(name: string): void } {
  const [params, setParams] = useSearchParams()
  const { page, pageSize, name } = listParamsOf(params, defaultSize)
  const update = (changes: Record<string, string | number | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev)
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '' || (key === 'page' && value === 1)) next.delete(key)
        else next.set(key, String(value))
      }
      return next
    })
  return {
    page,
    pageSize,
    name,
    setPage: (p: number) => update({ page: p }),
    setPageSize: (s: number) => update({ size: s, page: 1 }),
    setName: (n: string) => update({ name: n.trim(), page: 1 }),
  }
}

/** A list's page, page size and name as the URL gives them (the SSR server prefetches the same page). */
export function listParamsOf(
  params: URLSearchParams,
  defaultSize = 20,
): { page: number; pageSize: number; name: string } {
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1)
  const size = Number(params.get('size'))
  return { page, pageSize: PAGE_SIZES.includes(size) ? size : defaultSize, name: params.get('name') ?? '' }
}

/** The same paging kept in the component only, for a list inside a screen (a history beside the editor). */
export function usePaging(defaultSize: number): Paging {
  const [{ page, pageSize }, setPaging] = useState({ page: 1, pageSize: defaultSize })
  return {
    page,
    pageSize,
    setPage: (p) => setPaging((s) => ({ ...s, page: p })),
    setPageSize: (size) => setPaging({ page: 1, pageSize: size }),
  }
}
