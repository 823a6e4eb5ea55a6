import { useCallback, useEffect, useRef, useState } from 'react'
import type { ScanBatch } from './scan-pages'

/** Where a scan is: its rows so far, how many of how many, and how it ended. */
export interface ScanState<T> {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed'
  rows: T[]
  scanned: number
  total: number | null
  error?: unknown
}

/**
 * Runs a scan (`scanHwms`, `scanNamespaces`) with progress and Cancel. Starting again, cancelling
 * or unmounting aborts the walk in flight; a stale walk never writes over a newer one.
 */
export function useScan<T>() {
  const idle: ScanState<T> = { status: 'idle', rows: [], scanned: 0, total: null }
  const [state, setState] = useState<ScanState<T>>(idle)
  const current = useRef<AbortController | null>(null)
  useEffect(() => () => current.current?.abort(), [])

  const start = useCallback(
    async (source: (signal: AbortSignal) => AsyncIterable<ScanBatch<T>>): Promise<T[] | null> => {
      current.current?.abort()
      const controller = new AbortController()
      current.current = controller
      const rows: T[] = []
      setState({ status: 'running', rows, scanned: 0, total: null })
      try {
        for await (const batch of source(controller.signal)) {
          if (controller.signal.aborted) break
          rows.push(...batch.items)
          setState({ status: 'running', rows: [...rows], scanned: rows.length, total: batch.total })
        }
      } catch (error) {
        if (controller.signal.aborted) return null
        setState((s) => ({ ...s, status: 'failed', error }))
        return null
      }
      if (controller.signal.aborted) return null
      setState((s) => ({ ...s, status: 'done', total: s.total ?? rows.length }))
      return rows
    },
    [],
  )

  const cancel = useCallback(() => {
    current.current?.abort()
    current.current = null
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled' } : s))
  }, [])

  const reset = useCallback(() => {
    current.current?.abort()
    current.current = null
    setState({ status: 'idle', rows: [], scanned: 0, total: null })
  }, [])

  return { state, start, cancel, reset }
}
