import { useSyncExternalStore } from 'react'

const never = () => () => {}

/**
 * False in a server render and during hydration, true after: for output that depends on the
 * browser (its clock, time zone, locale), which must match the server's HTML until hydration ends.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  )
}
