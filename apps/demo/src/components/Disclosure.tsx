import { type ReactNode, useState } from 'react'

/**
 * A `<details>` whose content is rendered only once opened: a diff of two large values costs
 * nothing for the many entries nobody opens.
 */
export function Disclosure({
  summary,
  className,
  children,
}: {
  summary: string
  className?: string
  children: () => ReactNode
}) {
  const [open, setOpen] = useState(false)
  return (
    <details className={className} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  )
}
