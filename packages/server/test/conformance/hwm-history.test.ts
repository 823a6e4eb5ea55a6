import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { onePage } from './errors'
import { type Api, type Client, connect, createHwm, createNamespace, grant, type Json, newestFirst, uniq } from './http'
import { startTarget, type Target } from './target'

/** The history row an HWM snapshot makes. */
const row = (hwm: Json, action: string, changed_by: string | undefined = hwm.changed_by) => ({
  id: expect.any(Number),
  hwm_id: hwm.id,
  namespace_id: hwm.namespace_id,
  name: hwm.name,
  description: hwm.description,
  type: hwm.type,
  value: hwm.value,
  entity: hwm.entity,
  expression: hwm.expression,
  action,
  changed_at: hwm.changed_at,
  changed_by,
})

describe('hwm history: GET /v1/hwm-history/', () => {
  let t: Target
  let h: Client
  let alice: Api
  let dev: Api
  let maint: Api
  let ns: Json
  beforeAll(async () => {
    t = await startTarget()
    h = connect(t.baseUrl)
    alice = await h.as(uniq('alice'))
    dev = await h.as(uniq('dev'))
    maint = await h.as(uniq('maint'))
    ns = await createNamespace(alice)
    await grant(alice, ns.id, [
      { username: dev.username!, role: 'DEVELOPER' },
      { username: maint.username!, role: 'MAINTAINER' },
    ])
  })
  afterAll(() => t.close())

  const history = (id: number, query = '') => dev.get(`/v1/hwm-history/?hwm_id=${id}${query}`)

  it('writes a "Created" row with the full snapshot', async () => {
    const hwm = await createHwm(alice, ns.id, {
      description: 'first',
      entity: 'schema.table',
      expression: 'id',
      value: 123,
    })
    const res = await history(hwm.id)
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ meta: onePage(1), items: [row(hwm, 'Created')] })
  })

  it('writes an "Updated" row per PATCH with the new snapshot, newest first', async () => {
    const hwm = await createHwm(alice, ns.id, { value: { a: 1 } })
    const v2 = (await dev.patch(`/v1/hwm/${hwm.id}`, { value: { a: 2 }, description: 'two' })).body
    const v3 = (await alice.patch(`/v1/hwm/${hwm.id}`, { entity: 'e', expression: null })).body
    const res = await history(hwm.id)
    expect(res.body).toStrictEqual({
      meta: onePage(3),
      items: [row(v3, 'Updated'), row(v2, 'Updated'), row(hwm, 'Created')],
    })
    expect(v2.changed_by).toBe(dev.username)
  })

  it('writes a "Deleted" row naming the deleting user, with the last changed_at; history outlives the HWM', async () => {
    const hwm = await createHwm(alice, ns.id)
    const last = (await dev.patch(`/v1/hwm/${hwm.id}`, { value: 2 })).body
    expect((await maint.delete(`/v1/hwm/${hwm.id}`)).status).toBe(204)
    const items = newestFirst(await history(hwm.id))
    expect(items).toHaveLength(3)
    expect(items.find((x) => x.action === 'Deleted')).toStrictEqual(row(last, 'Deleted', maint.username))
    expect(items.find((x) => x.action === 'Updated')).toStrictEqual(row(last, 'Updated'))
    expect(items[2]).toStrictEqual(row(hwm, 'Created'))
  })

  it('starts a new history for an HWM re-created under the same name', async () => {
    const hwm = await createHwm(alice, ns.id)
    await alice.delete(`/v1/hwm/${hwm.id}`)
    const again = await createHwm(alice, ns.id, { name: hwm.name })
    expect((await history(again.id)).body).toStrictEqual({ meta: onePage(1), items: [row(again, 'Created')] })
    expect((await history(hwm.id)).body.meta.total_count).toBe(2)
  })

  it('answers an empty page for an unknown hwm id', async () => {
    const res = await history(999999999)
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ meta: onePage(0), items: [] })
  })

  it('pages newest first', async () => {
    const hwm = await createHwm(alice, ns.id, { value: 0 })
    for (const value of [1, 2, 3, 4]) await dev.patch(`/v1/hwm/${hwm.id}`, { value })
    const page1 = await history(hwm.id, '&page_size=2')
    expect(page1.body.meta).toStrictEqual({
      page: 1,
      page_size: 2,
      total_count: 5,
      pages_count: 3,
      has_next: true,
      has_previous: false,
      next_page: 2,
      previous_page: null,
    })
    expect(page1.body.items.map((x: Json) => x.value)).toEqual([4, 3])
    const page3 = await history(hwm.id, '&page_size=2&page=3')
    expect(page3.body.meta).toMatchObject({
      page: 3,
      has_next: false,
      has_previous: true,
      next_page: null,
      previous_page: 2,
    })
    expect(page3.body.items.map((x: Json) => [x.value, x.action])).toEqual([[0, 'Created']])
  })
})
