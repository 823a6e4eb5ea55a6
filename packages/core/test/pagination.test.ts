import { beforeAll, describe, expect, it } from 'vitest'
import type { HorizonClient } from '../src/index.js'
import { isRemote, uniq, useTarget } from './server.js'

describe('iterate helpers', () => {
  const t = useTarget()
  let c: HorizonClient
  let nsId: number
  const names = Array.from({ length: 23 }, (_, i) => `h${String(i).padStart(2, '0')}`)

  beforeAll(async () => {
    c = t.client()
    nsId = (await c.createNamespace({ name: uniq('pages') })).id
    for (const name of names) await c.createHwm({ namespace_id: nsId, name, type: 't', value: 0 })
  })

  const collect = async <T>(it: AsyncIterable<T>) => {
    const out: T[] = []
    for await (const x of it) out.push(x)
    return out
  }

  it('yields every item of every page, in order', async () => {
    const all = await collect(c.iterateHwm({ namespace_id: nsId, page_size: 5 }))
    expect(all.map((h) => h.name)).toEqual(names)
  })

  it('concurrency fetches later pages together and still yields in order', async () => {
    t.server?.clearRequests()
    const all = await collect(c.iterateHwm({ namespace_id: nsId, page_size: 3 }, { concurrency: 4 }))
    expect(all.map((h) => h.name)).toEqual(names)
    if (!isRemote) expect(t.server!.requests.filter((r) => r.path === '/v1/hwm/')).toHaveLength(8)
  })

  it('maxPages stops early', async () => {
    const some = await collect(c.iterateHwm({ namespace_id: nsId, page_size: 5 }, { maxPages: 2 }))
    expect(some.map((h) => h.name)).toEqual(names.slice(0, 10))
  })

  it('histories and namespaces iterate too', async () => {
    const hwm = (await c.paginateHwm({ namespace_id: nsId, name: 'h00' })).items[0]!
    for (let v = 1; v <= 4; v++) await c.updateHwm(hwm.id, { value: v })
    const rows = await collect(c.iterateHwmHistory({ hwm_id: hwm.id, page_size: 2 }, { concurrency: 2 }))
    expect(rows.map((r) => r.value)).toEqual([4, 3, 2, 1, 0])
    const nsRows = await collect(c.iterateNamespaceHistory({ namespace_id: nsId }))
    expect(nsRows.map((r) => r.action)).toEqual(['Created'])
    const found = await collect(c.iterateNamespaces({ page_size: 1 }, { maxPages: 3 }))
    expect(found.length).toBeGreaterThan(0)
  })

  it('an empty namespace yields nothing', async () => {
    const empty = await c.createNamespace({ name: uniq('empty') })
    expect(await collect(c.iterateHwm({ namespace_id: empty.id }))).toEqual([])
  })
})
