import { usePing } from '@horizon-ts/react'
import { useServerVersion } from '../lib/server-info'

/** Whether Horizon answers its ping (checked every 30 s), and which version it runs. */
export function ServerStatus({ baseUrl }: { baseUrl: string }) {
  const ping = usePing({ refetchInterval: 30_000 })
  const version = useServerVersion()
  const state = ping.isPending ? 'checking' : ping.isError ? 'down' : 'up'
  const label = { checking: 'Checking…', down: 'Not reachable', up: version ? `Horizon ${version}` : 'Online' }[state]
  return (
    <span className={`server-status server-${state}`} title={baseUrl}>
      <span className="dot" aria-hidden="true" />
      <span>
        {label}
        <span className="visually-hidden"> at {baseUrl}</span>
      </span>
    </span>
  )
}
