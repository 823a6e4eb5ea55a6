/** The invalidation table as data, and applyEffects on a plain query-core QueryClient. */
import { QueryClient, QueryObserver } from '@tanstack/query-core'
import { describe, expect, it } from 'vitest'
import {
  applyEffects,
  type Effect,
  horizonKeys,
  invalidate,
  invalidation,
  remove,
  write,
} from '../src/entries/query.js'
import { HorizonClient, type HWMResponseV1 } from '../src/index.js'

const keys = horizonKeys(new HorizonClient({ baseUrl: 'http://h' }))
const hwm = {
  id: 5,
  namespace_id: 2,
  name: 'a',
  description: '',
  type: 'int',
  value: 1,
  changed_at: '',
} as HWMResponseV1
const none = () => undefined

describe('the table', () => {
  it('update HWM: writes the answer; the lists of its namespace; every other read about it', () => {
    expect(invalidation.updateHwm({ keys, args: [5, { value: 1 }], result: hwm, cached: none })).toEqual([
      write(keys.hwm(5), hwm),
      invalidate(keys.hwmLists(2)),
      invalidate(keys.about('hwm', 5)),
    ])
  })

  it('delete HWM reads the namespace from the cached detail, else invalidates every HWM list', () => {
    const cached = <T>() => hwm as T
    const last = (effects: Effect[]) => effects[effects.length - 1]
    expect(last(invalidation.deleteHwm({ keys, args: [5], result: undefined, cached }))).toEqual(
      invalidate(keys.hwmLists(2)),
    )
    expect(last(invalidation.deleteHwm({ keys, args: [5], result: undefined, cached: none }))).toEqual(
      invalidate(keys.hwmLists()),
    )
  })

  it('delete HWM drops its detail and keeps its history, which gains a "Deleted" row', () => {
    expect(invalidation.deleteHwm({ keys, args: [5], result: undefined, cached: none })).toContainEqual(
      remove(keys.hwm(5)),
    )
    expect(invalidation.deleteHwm({ keys, args: [5], result: undefined, cached: none })).not.toContainEqual(
      remove(keys.about('hwm', 5)),
    )
  })

  it('bulk delete removes everything about each HWM', () => {
    expect(invalidation.bulkDeleteHwm({ keys, args: [2, [5, 6]], result: undefined, cached: none })).toEqual([
      invalidate(keys.hwmLists(2)),
      remove(keys.about('hwm', 5)),
      remove(keys.about('hwm', 6)),
    ])
  })

  it('has a row for each of the nine writes', () => {
    expect(Object.keys(invalidation).sort()).toEqual(
      [
        'bulkCopyHwm',
        'bulkDeleteHwm',
        'createHwm',
        'createNamespace',
        'deleteHwm',
        'deleteNamespace',
        'updateHwm',
        'updateNamespace',
        'updateNamespacePermissions',
      ].sort(),
    )
  })
})

describe('applyEffects', () => {
  it('writes, removes, and refetches what is invalidated and observed', async () => {
    const queryClient = new QueryClient()
    let fetched = 0
    const observer = new QueryObserver(queryClient, {
      queryKey: keys.hwmPage({ namespace_id: 2 }),
      queryFn: async () => ++fetched,
    })
    const unsubscribe = observer.subscribe(() => {})
    await new Promise((r) => setTimeout(r, 10))
    queryClient.setQueryData(keys.hwm(6), hwm)
    queryClient.setQueryData(keys.hwmPage({ namespace_id: 3 }), { meta: {} as never, items: [] })
    const effects: Effect[] = [write(keys.hwm(5), hwm), remove(keys.hwm(6)), invalidate(keys.hwmLists(2))]
    await applyEffects(queryClient, effects)
    expect(queryClient.getQueryData(keys.hwm(5))).toBe(hwm)
    expect(queryClient.getQueryData(keys.hwm(6))).toBeUndefined()
    expect(fetched).toBe(2) // refetched before applyEffects resolved
    expect(queryClient.getQueryState(keys.hwmPage({ namespace_id: 3 }))?.isInvalidated).toBe(false)
    unsubscribe()
  })

  it('an invalidation spares what the same effects wrote: the answer is not fetched again', async () => {
    const queryClient = new QueryClient()
    let detail = 0
    let history = 0
    const observe = (queryKey: readonly unknown[], queryFn: () => Promise<unknown>) =>
      new QueryObserver(queryClient, { queryKey, queryFn }).subscribe(() => {})
    const stop = [
      observe(keys.hwm(5), async () => {
        detail++
        return hwm
      }),
      observe(keys.hwmHistory({ hwm_id: 5 }), async () => ++history),
    ]
    await new Promise((r) => setTimeout(r, 10))
    await applyEffects(
      queryClient,
      invalidation.updateHwm({ keys, args: [5, { value: 1 }], result: hwm, cached: none }),
    )
    expect({ detail, history }).toEqual({ detail: 1, history: 2 })
    for (const s of stop) s()
  })

  it('a write lands after a fetch of the old value still in flight', async () => {
    const queryClient = new QueryClient()
    const slow = queryClient.fetchQuery({
      queryKey: keys.hwm(5),
      queryFn: () => new Promise<HWMResponseV1>((r) => setTimeout(() => r({ ...hwm, value: 'old' }), 30)),
    })
    await applyEffects(queryClient, [write(keys.hwm(5), hwm)])
    await slow.catch(() => {})
    await new Promise((r) => setTimeout(r, 50))
    expect(queryClient.getQueryData(keys.hwm(5))).toBe(hwm)
  })
})
