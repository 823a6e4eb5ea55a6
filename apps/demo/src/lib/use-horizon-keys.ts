import { horizonKeys } from '@horizon-ts/core/query'
import { useHorizonClient } from '@horizon-ts/react'

/**
 * The query keys of the current client (`keys.hwmLists(id)`, `keys.hwmHistoryOf(id)`…), for the
 * placeholders and invalidations a screen names itself. Only the factory's methods: never a key by hand.
 */
export function useHorizonKeys() {
  return horizonKeys(useHorizonClient())
}
