import { type ReactNode, useEffect, useRef } from 'react'

/**
 * The screen's <h1>. It takes focus when it appears after a navigation (focus was left on the
 * body or on the link that was clicked), so keyboard and screen reader users start on the new
 * screen instead of wherever the old one left them.
 */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    const active = document.activeElement
    const navigated = !active || active === document.body || active.tagName === 'A'
    if (navigated) ref.current?.focus({ preventScroll: true })
  }, [])
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  )
}
