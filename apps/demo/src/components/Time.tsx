import { absoluteTime, relativeTime } from '../lib/format'

/** A timestamp shown relative ("3 hours ago"), exact in the tooltip and for machines. */
export function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={absoluteTime(iso)}>
      {relativeTime(iso)}
    </time>
  )
}
