import { useCallback, useSyncExternalStore } from 'react'
import { readPref, writePref } from './storage'

// Every usePref of a key renders again when one of them writes it.
const changes = new EventTarget()
// What this page set, so a choice holds even where storage is disabled (private mode, policies).
const chosen = new Map<string, string>()

/**
 * A string preference with a fixed set of values, remembered across visits (e.g. a list's view mode).
 * A server render has no storage: it renders `fallback`, and so does hydration, which then
 * renders again with the stored value (a mismatch would make React drop the server's HTML).
 */
export function usePref<T extends string>(key: string, values: readonly T[], fallback: T): [T, (v: T) => void] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      changes.addEventListener(key, onChange)
      return () => changes.removeEventListener(key, onChange)
    },
    [key],
  )
  const stored = useSyncExternalStore(
    subscribe,
    () => chosen.get(key) ?? readPref(key),
    () => undefined,
  )
  const value = values.find((v) => v === stored) ?? fallback
  const set = (v: T) => {
    chosen.set(key, v)
    writePref(key, v)
    changes.dispatchEvent(new Event(key))
  }
  return [value, set]
}
