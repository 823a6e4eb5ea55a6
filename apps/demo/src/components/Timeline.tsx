import type { ReactNode } from 'react'
import { Link } from 'wouter'
import { paths } from '../lib/routes'
import { Time } from './Time'

/** A history as a vertical timeline, newest first (Horizon's order). */
export function Timeline({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ol className="timeline" aria-label={label}>
      {children}
    </ol>
  )
}

interface ItemProps {
  action: string
  at: string
  by?: string | null
  children?: ReactNode
}

const COPIED = /^Copied from namespace (\d+) to namespace (\d+)$/

/** The action as words; "Copied from namespace 1 to namespace 7" gets links to both namespaces. */
function Action({ action }: { action: string }) {
  const copied = COPIED.exec(action)
  if (!copied) return <span className="timeline-action">{action}</span>
  const [, from, to] = copied.map(Number) as [number, number, number]
  return (
    <span className="timeline-action">
      Copied from <Link href={paths.namespace(from)}>namespace {from}</Link> to{' '}
      <Link href={paths.namespace(to)}>namespace {to}</Link>
    </span>
  )
}

const kind = (action: string) =>
  action.startsWith('Copied')
    ? 'copied'
    : (['Created', 'Updated', 'Deleted'].find((a) => a === action)?.toLowerCase() ?? 'other')

export function TimelineItem({ action, at, by, children }: ItemProps) {
  return (
    <li className={`timeline-item timeline-${kind(action)}`}>
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-card">
        <p className="timeline-head">
          <Action action={action} />
          <span className="muted">
            <Time iso={at} />
            {by && <> by {by}</>}
          </span>
        </p>
        {children}
      </div>
    </li>
  )
}
