import { useSyncExternalStore } from 'react'

// The backend version arrives in the `X-Application-Version` header of every answer; the client's
// `onResponse` hook drops it here so the footer can show which Horizon the app talks to.
let version: string | undefined
const listeners = new Set<() => void>()

export function noteServerVersion(value: string | null): void {
  if (!value || value === version) return
  version = value
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The version of the Horizon that answered last, once one has. */
export function useServerVersion(): string | undefined {
  return useSyncExternalStore(
    subscribe,
    () => version,
    () => undefined,
  )
}
