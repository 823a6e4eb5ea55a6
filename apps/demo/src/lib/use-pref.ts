import { useState } from 'react'
import { readPref, writePref } from './storage'

/** A string preference with a fixed set of values, remembered across visits (e.g. a list's view mode). */
export function usePref<T extends string>(key: string, values: readonly T[], fallback: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const stored = readPref(key)
    return values.find((v) => v === stored) ?? fallback
  })
  const set = (v: T) => {
    writePref(key, v)
    setValue(v)
  }
  return [value, set]
}
