import { useEffect, useRef } from 'react'

interface Props {
  hasMore: boolean
  loading: boolean
  onMore: () => void
  /** "Showing 40 of 130 HWMs" */
  status: string
  label?: string
}

/**
 * The end of a continuous list: more is fetched when this comes into view, and the button does the
 * same for keyboard users (and where IntersectionObserver is missing).
 */
export function LoadMore({ hasMore, loading, onMore, status, label = 'Load more' }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const latest = useRef({ hasMore, loading, onMore })
  latest.current = { hasMore, loading, onMore }
  useEffect(() => {
    const el = ref.current
    if (!el || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver((entries) => {
      const { hasMore, loading, onMore } = latest.current
      if (entries.some((e) => e.isIntersecting) && hasMore && !loading) onMore()
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return (
    <div className="load-more" ref={ref}>
      <span className="muted">{status}</span>
      {hasMore && (
        <button type="button" className="button-ghost" onClick={onMore} disabled={loading}>
          {loading ? 'Loading…' : label}
        </button>
      )}
    </div>
  )
}
