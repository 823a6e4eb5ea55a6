import { absoluteTime, relativeTime } from '../lib/format'
import { useHydrated } from '../lib/use-hydrated'

/** `2026-12-02 18:42 UTC`: what a server render shows, the same on every machine. */
const utcTime = (iso: string) => `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`

/**
 * A timestamp shown relative ("3 hours ago"), exact in the tooltip and for machines. A server
 * render shows it in UTC (the server knows neither the reader's clock nor time zone); the browser
 * switches to relative, local time once hydrated.
 */
export function Time({ iso }: { iso: string }) {
  const local = useHydrated()
  return (
    <time dateTime={iso} title={local ? absoluteTime(iso) : utcTime(iso)}>
      {local ? relativeTime(iso) : utcTime(iso)}
    </time>
  )
}
