import { describe, expect, it } from 'vitest'
import { uniq, useTarget } from './server.js'

// Every method of the client against a real server, answers checked against the OpenAPI schemas.
describe('every operation', () => {
  const t = useTarget()

  it('ping, whoami', async () => {
    const c = t.client()
    expect(await c.ping()).toEqual({ status: 'ok' })
    expect(await c.whoami()).toMatchObject({ username: 'alice' })
  })

  it('namespaces: create, get, paginate, update, history, permissions, delete', async () => {
    const c = t.client()
    const name = uniq('ns')
    const ns = await c.createNamespace({ name, description: 'd' })
    expect(ns).toMatchObject({ name, description: 'd', owned_by: 'alice', changed_by: 'alice' })
    expect(await c.getNamespace(ns.id)).toEqual(ns)
    const page = await c.paginateNamespaces({ name })
    expect(page.items).toEqual([ns])
    expect(page.meta).toMatchObject({ page: 1, total_count: 1, pages_count: 1, has_next: false })
    const renamed = await c.updateNamespace(ns.id, { name: `${name}_2` })
    expect(renamed.name).toBe(`${name}_2`)
    const history = await c.paginateNamespaceHistory({ namespace_id: ns.id })
    expect(history.items.map((h) => h.action)).toEqual(['Updated', 'Created'])
    expect(await c.getNamespacePermissions(ns.id)).toEqual({ permissions: [{ username: 'alice', role: 'OWNER' }] })
    await t.client('bob').whoami()
    const perms = await c.updateNamespacePermissions(ns.id, { permissions: [{ username: 'bob', role: 'DEVELOPER' }] })
    expect(perms.permissions).toEqual([
      { username: 'alice', role: 'OWNER' },
      { username: 'bob', role: 'DEVELOPER' },
    ])
    await expect(c.deleteNamespace(ns.id)).resolves.toBeUndefined()
  })

  it('HWMs: create, get, paginate, update, history, copy, bulk delete, delete', async () => {
    const c = t.client()
    const a = await c.createNamespace({ name: uniq('src') })
    const b = await c.createNamespace({ name: uniq('dst') })
    const hwm = await c.createHwm({
      namespace_id: a.id,
      name: 'orders',
      type: 'column_int',
      value: 1,
      entity: 'db.orders',
    })
    expect(hwm).toMatchObject({ namespace_id: a.id, name: 'orders', value: 1, entity: 'db.orders', expression: null })
    expect(await c.getHwm(hwm.id)).toEqual(hwm)
    const updated = await c.updateHwm(hwm.id, { value: { offset: 2 } })
    expect(updated.value).toEqual({ offset: 2 })
    expect((await c.paginateHwm({ namespace_id: a.id })).items).toEqual([updated])
    const history = await c.paginateHwmHistory({ hwm_id: hwm.id })
    expect(history.items.map((h) => [h.action, h.value])).toEqual([
      ['Updated', { offset: 2 }],
      ['Created', 1],
    ])
    const copied = await c.bulkCopyHwm({ source_namespace_id: a.id, target_namespace_id: b.id, hwm_ids: [hwm.id] })
    expect(copied.hwms).toHaveLength(1)
    expect(copied.hwms[0]).toMatchObject({ namespace_id: b.id, name: 'orders', value: { offset: 2 } })
    await expect(c.bulkDeleteHwm(b.id, [copied.hwms[0]!.id])).resolves.toBeUndefined()
    expect((await c.paginateHwm({ namespace_id: b.id })).items).toEqual([])
    await expect(c.deleteHwm(hwm.id)).resolves.toBeUndefined()
    await c.deleteNamespace(a.id)
    await c.deleteNamespace(b.id)
  })
})
