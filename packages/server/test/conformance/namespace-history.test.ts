import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { onePage } from './errors'
import { type Api, type Client, connect, createHwm, createNamespace, grant, type Json, newestFirst, uniq } from './http'
import { adminUser, noAdmin, startTarget, type Target } from './target'

describe('namespace history: GET /v1/namespace-history/', () => {
  let t: Target
  let h: Client
  let alice: Api
  let bob: Api
  beforeAll(async () => {
    t = await startTarget()
    h = connect(t.baseUrl)
    alice = await h.as(uniq('alice'))
    bob = await h.as(uniq('bob'))
  })
  afterAll(() => t.close())

  const history = (as: Api, id: number) => as.get(`/v1/namespace-history/?namespace_id=${id}`)

  it('writes a "Created" row with the full snapshot', async () => {
    const ns = await createNamespace(alice, { description: 'example namespace' })
    const res = await history(bob, ns.id)
    expect(res.body).toStrictEqual({
      meta: onePage(1),
      items: [
        {
          id: expect.any(Number),
          namespace_id: ns.id,
          name: ns.name,
          description: 'example namespace',
          owned_by: alice.username,
          action: 'Created',
          changed_at: ns.changed_at,
          changed_by: alice.username,
        },
      ],
    })
  })

  it('writes an "Updated" row per PATCH, newest first', async () => {
    const ns = await createNamespace(alice, { description: 'one' })
    const renamed = (await alice.patch(`/v1/namespaces/${ns.id}`, { name: uniq('renamed') })).body
    const described = (await alice.patch(`/v1/namespaces/${ns.id}`, { description: 'two' })).body
    const res = await history(alice, ns.id)
    expect(res.body.meta).toStrictEqual(onePage(3))
    const snapshot = (x: Json, action: string) => ({
      id: expect.any(Number),
      namespace_id: ns.id,
      name: x.name,
      description: x.description,
      owned_by: alice.username,
      action,
      changed_at: x.changed_at,
      changed_by: alice.username,
    })
    expect(res.body.items).toStrictEqual([
      snapshot(described, 'Updated'),
      snapshot(renamed, 'Updated'),
      snapshot(ns, 'Created'),
    ])
    const ids = res.body.items.map((x: Json) => x.id)
    expect(ids[0]).toBeGreaterThan(ids[1])
    expect(ids[1]).toBeGreaterThan(ids[2])
  })

  it('writes a "Deleted" row that keeps the last changed_at; history outlives the namespace', async () => {
    const ns = await createNamespace(alice, { description: 'one' })
    const patched = (await alice.patch(`/v1/namespaces/${ns.id}`, { description: 'last' })).body
    expect((await alice.delete(`/v1/namespaces/${ns.id}`)).status).toBe(204)
    const items = newestFirst(await history(bob, ns.id))
    expect(items.map((x) => x.action).sort()).toEqual(['Created', 'Deleted', 'Updated'])
    const deleted = items.find((x) => x.action === 'Deleted')
    expect(deleted).toStrictEqual({
      id: expect.any(Number),
      namespace_id: ns.id,
      name: ns.name,
      description: 'last',
      owned_by: alice.username,
      action: 'Deleted',
      changed_at: patched.changed_at,
      changed_by: alice.username,
    })
    expect(items).toHaveLength(3)
  })

  it.skipIf(noAdmin)('names the deleting user in a "Deleted" row (superadmin deletes)', async () => {
    const admin = await h.as(adminUser!)
    const ns = await createNamespace(alice)
    expect((await admin.delete(`/v1/namespaces/${ns.id}`)).status).toBe(204)
    const deleted = newestFirst(await history(alice, ns.id)).find((x) => x.action === 'Deleted')
    expect(deleted).toMatchObject({ changed_by: adminUser, owned_by: alice.username, changed_at: ns.changed_at })
  })

  it('is not touched by HWM changes nor by permission changes', async () => {
    const ns = await createNamespace(alice)
    const hwm = await createHwm(alice, ns.id)
    await alice.patch(`/v1/hwm/${hwm.id}`, { value: 2 })
    await grant(alice, ns.id, [{ username: bob.username!, role: 'DEVELOPER' }])
    const res = await history(alice, ns.id)
    expect(res.body.meta.total_count).toBe(1)
    expect(res.body.items[0].action).toBe('Created')
  })

  it('answers an empty page for an unknown namespace id', async () => {
    const res = await history(alice, 999999999)
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ meta: onePage(0), items: [] })
  })

  it('pages newest first', async () => {
    const ns = await createNamespace(alice, { description: '0' })
    for (const d of ['1', '2', '3']) await alice.patch(`/v1/namespaces/${ns.id}`, { description: d })
    const res = await alice.get(`/v1/namespace-history/?namespace_id=${ns.id}&page=2&page_size=3`)
    expect(res.body.meta).toStrictEqual({
      page: 2,
      page_size: 3,
      total_count: 4,
      pages_count: 2,
      has_next: false,
      has_previous: true,
      next_page: null,
      previous_page: 1,
    })
    expect(res.body.items).toHaveLength(1)
    expect(res.body.items[0]).toMatchObject({ action: 'Created', description: '0' })
    const first = await alice.get(`/v1/namespace-history/?namespace_id=${ns.id}&page_size=3`)
    expect(first.body.items.map((x: Json) => x.description)).toEqual(['3', '2', '1'])
  })
})
