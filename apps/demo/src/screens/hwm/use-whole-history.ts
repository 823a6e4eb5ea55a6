import type { HWMHistoryResponseV1 } from '@horizon-ts/core'
import { useHorizonClient } from '@horizon-ts/react'
import { useCallback, useEffect, useRef, useState } from 'react'

export interface WholeHistory {
  rows: HWMHistoryResponseV1[]
  /** how many rows Horizon has, once the first page told */
  total: number | null
  state: 'idle' | 'loading' | 'done' | 'cancelled' | 'failed'
  error: unknown
  start: () => void
  cancel: () => void
}

const PAGE_SIZE = 50

/**
 * Every row of an HWM's history, loaded on demand with progress and a way to stop. The first page
 * is asked for directly (its `meta` gives the total for "loaded 300 of 1,200"), the rest through
 * the core's `iterateHwmHistory` from page 2; rows are published a page at a time, so a chart
 * draws what has arrived. Leaving the screen or Cancel aborts the pages in flight.
 */
export function useWholeHistory(hwmId: number): WholeHistory {
  const client = useHorizonClient()
  const [rows, setRows] = useState<HWMHistoryResponseV1[]>([])
  const [total, setTotal] = useState<number | null>(null)
  const [state, setState] = useState<WholeHistory['state']>('idle')
  const [error, setError] = useState<unknown>(null)
  const controller = useRef<AbortController | null>(null)

  const cancel = useCallback(() => {
    if (!controller.current) return
    controller.current.abort()
    controller.current = null
    setState('cancelled')
  }, [])

  const start = useCallback(() => {
    controller.current?.abort()
    const own = new AbortController()
    controller.current = own
    const { signal } = own
    setRows([])
    setTotal(null)
    setError(null)
    setState('loading')
    void (async () => {
      try {
        const first = await client.paginateHwmHistory({ hwm_id: hwmId, page: 1, page_size: PAGE_SIZE }, { signal })
        if (signal.aborted) return
        let loaded = [...first.items]
        setTotal(first.meta.total_count)
        setRows(loaded)
        if (first.meta.has_next) {
          let batch: HWMHistoryResponseV1[] = []
          for await (const row of client.iterateHwmHistory(
            { hwm_id: hwmId, page: 2, page_size: PAGE_SIZE },
            { signal },
          )) {
            if (signal.aborted) return
            batch.push(row)
            if (batch.length === PAGE_SIZE) {
              loaded = loaded.concat(batch)
              batch = []
              setRows(loaded)
            }
          }
          loaded = loaded.concat(batch)
          setRows(loaded)
        }
        if (!signal.aborted) setState('done')
      } catch (e) {
        if (signal.aborted) return
        setError(e)
        setState('failed')
      } finally {
        if (controller.current === own) controller.current = null
      }
    })()
  }, [client, hwmId])

  useEffect(() => () => controller.current?.abort(), [])

  return { rows, total, state, error, start, cancel }
}
