import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { denied, invalid, missing, notFound, onePage, valueError } from './errors'
import { type Api, type Client, connect, createHwm, createNamespace, grant, type Json, newestFirst, uniq } from './http'
import { startTarget, type Target } from './target'

describe('bulk delete: DELETE /v1/hwm/', () => {
  let t: Target
  let h: Client
  let owner: Api
  let maint: Api
  let dev: Api
  let guest: Api
  let ns: Json
  beforeAll(async () => {
    t = await startTarget()
    h = connect(t.baseUrl)
    owner = await h.as(uniq('owner'))
    maint = await h.as(uniq('maint'))
    dev = await h.as(uniq('dev'))
    guest = await h.as(uniq('guest'))
    ns = await createNamespace(owner)
    await grant(owner, ns.id, [
      { username: maint.username!, role: 'MAINTAINER' },
      { username: dev.username!, role: 'DEVELOPER' },
    ])
  })
  afterAll(() => t.close())

  const list = (id: number) => owner.get(`/v1/hwm/?namespace_id=${id}`)

  it('deletes the listed HWMs of the namespace (204, no body), ignoring ids outside it', async () => {
    const own = await createNamespace(owner)
    const [x, y, z] = [await createHwm(owner, own.id), await createHwm(owner, own.id), await createHwm(owner, own.id)]
    const elsewhere = await createHwm(owner, ns.id)
    const res = await owner.delete('/v1/hwm/', { namespace_id: own.id, hwm_ids: [x.id, z.id, elsewhere.id, 999999999] })
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect((await list(own.id)).body).toStrictEqual({ meta: onePage(1), items: [y] })
    expect((await owner.get(`/v1/hwm/${elsewhere.id}`)).body).toStrictEqual(elsewhere)
    expect((await owner.get(`/v1/hwm/${x.id}`)).body).toEqual(notFound('HWM', 'id', x.id))
  })

  it('needs MAINTAINER: a maintainer may, a developer or guest gets 403', async () => {
    const hwm = await createHwm(dev, ns.id)
    for (const [who, role] of [
      [dev, 'DEVELOPER'],
      [guest, 'GUEST'],
    ] as const) {
      const res = await who.delete('/v1/hwm/', { namespace_id: ns.id, hwm_ids: [hwm.id] })
      expect(res.status).toBe(403)
      expect(res.body).toEqual(denied('MAINTAINER', role))
    }
    expect((await maint.delete('/v1/hwm/', { namespace_id: ns.id, hwm_ids: [hwm.id] })).status).toBe(204)
    expect((await owner.get(`/v1/hwm/${hwm.id}`)).status).toBe(404)
  })

  it('writes "Deleted" rows that name the last writer (not the deleting user) and keep the last changed_at', async () => {
    const hwm = await createHwm(owner, ns.id, { value: 1 })
    const last = (await dev.patch(`/v1/hwm/${hwm.id}`, { value: 2, entity: 'e' })).body
    expect((await maint.delete('/v1/hwm/', { namespace_id: ns.id, hwm_ids: [hwm.id] })).status).toBe(204)
    const items = newestFirst(await owner.get(`/v1/hwm-history/?hwm_id=${hwm.id}`))
    expect(items).toHaveLength(3)
    expect(items.find((x) => x.action === 'Deleted')).toStrictEqual({
      id: expect.any(Number),
      hwm_id: hwm.id,
      namespace_id: ns.id,
      name: hwm.name,
      description: hwm.description,
      type: hwm.type,
      value: 2,
      entity: 'e',
      expression: null,
      action: 'Deleted',
      changed_at: last.changed_at,
      changed_by: dev.username,
    })
  })

  it('answers 204 when no id matches', async () => {
    const res = await maint.delete('/v1/hwm/', { namespace_id: ns.id, hwm_ids: [999999999] })
    expect(res.status).toBe(204)
  })

  it('answers 404 for a missing namespace', async () => {
    const res = await maint.delete('/v1/hwm/', { namespace_id: 999999999, hwm_ids: [1] })
    expect(res.status).toBe(404)
    expect(res.body).toEqual(notFound('Namespace', 'id', 999999999))
  })

  it('answers 422 to an empty hwm_ids (1.1.3: a value_error of a "before" validator)', async () => {
    const res = await maint.delete('/v1/hwm/', { namespace_id: ns.id, hwm_ids: [] })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(
      invalid(valueError(['body', 'hwm_ids'], 'List should have at least 1 item after validation, not 0', [])),
    )
  })

  it('answers 422 to a missing body field and to no body', async () => {
    const res = await maint.delete('/v1/hwm/', { hwm_ids: [1] })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(invalid(missing(['body', 'namespace_id'], { hwm_ids: [1] })))
    const none = await maint.delete('/v1/hwm/')
    expect(none.status).toBe(422)
    expect(none.body).toEqual(invalid(missing(['body'])))
  })
})
