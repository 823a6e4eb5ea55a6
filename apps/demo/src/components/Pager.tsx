import type { PageMetaResponseV1 } from '@horizon-ts/core'
import { plural } from '../lib/format'

interface Props {
  meta: PageMetaResponseV1
  noun: string
  onPage: (page: number) => void
  pageSize: number
  onPageSize: (size: number) => void
}

const SIZES = [10, 20, 50] as const

/** Previous / next with "Page 2 of 7 · 130 HWMs", and the page size (Horizon allows 1..50). */
export function Pager({ meta, noun, onPage, pageSize, onPageSize }: Props) {
  return (
    <nav className="pager" aria-label={`Pages of ${noun}s`}>
      <button
        type="button"
        className="button-ghost"
        disabled={!meta.has_previous}
        onClick={() => onPage(meta.previous_page ?? 1)}
      >
        ← Previous
      </button>
      <span className="pager-status">
        Page {meta.page} of {meta.pages_count} · {plural(meta.total_count, noun)}
      </span>
      <button
        type="button"
        className="button-ghost"
        disabled={!meta.has_next}
        onClick={() => onPage(meta.next_page ?? meta.page)}
      >
        Next →
      </button>
      <label className="pager-size">
        Per page
        <select value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
          {SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </nav>
  )
}
