import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { denied, notFound } from './errors'
import { type Api, type Client, connect, createHwm, createNamespace, grant, type Json, type Res, uniq } from './http'
import { adminUser, isRemote, noAdmin, startTarget, type Target } from './target'

/** Every role boundary of a namespace: what GUEST, DEVELOPER, MAINTAINER, OWNER and a superadmin may do. */
describe('roles', () => {
  let t: Target
  let h: Client
  let owner: Api
  let users: Record<'guest' | 'dev' | 'maint', Api>
  let ns: Json
  let other: Json
  beforeAll(async () => {
    t = await startTarget()
    h = connect(t.baseUrl)
    owner = await h.as(uniq('owner'))
    users = { guest: await h.as(uniq('guest')), dev: await h.as(uniq('dev')), maint: await h.as(uniq('maint')) }
    ns = await createNamespace(owner)
    other = await createNamespace(owner)
    await grant(owner, ns.id, [
      { username: users.dev.username!, role: 'DEVELOPER' },
      { username: users.maint.username!, role: 'MAINTAINER' },
    ])
  })
  afterAll(() => t.close())

  const ok = (res: Res, status: number) => expect(res.status, res.text).toBe(status)
  const no = (res: Res, required: string, actual: string) => {
    expect(res.status, res.text).toBe(403)
    expect(res.body).toEqual(denied(required, actual))
  }
  /** Everything the namespace's writers may try, each on fresh data. */
  const attempts = async (as: Api) => {
    const hwm = await createHwm(owner, ns.id)
    const source = await createHwm(owner, other.id)
    return {
      create: await as.post('/v1/hwm/', { namespace_id: ns.id, name: uniq('hwm'), type: 't', value: 1 }),
      update: await as.patch(`/v1/hwm/${hwm.id}`, { value: 2 }),
      copy: await as.post('/v1/hwm/copy', {
        source_namespace_id: other.id,
        target_namespace_id: ns.id,
        hwm_ids: [source.id],
      }),
      remove: await as.delete(`/v1/hwm/${(await createHwm(owner, ns.id)).id}`),
      bulk: await as.delete('/v1/hwm/', { namespace_id: ns.id, hwm_ids: [(await createHwm(owner, ns.id)).id] }),
      patchNs: await as.patch(`/v1/namespaces/${ns.id}`, { description: uniq('d') }),
      deleteNs: await as.delete(`/v1/namespaces/${(await createNamespace(owner)).id}`),
      readPerms: await as.get(`/v1/namespaces/${ns.id}/permissions`),
      patchPerms: await as.patch(`/v1/namespaces/${ns.id}/permissions`, { permissions: [] }),
    }
  }

  it('GUEST (no role) may read everything and create namespaces, nothing more', async () => {
    const guest = users.guest
    const hwm = await createHwm(owner, ns.id)
    for (const path of [
      `/v1/namespaces/${ns.id}`,
      // filtered to this namespace: see paging.test.ts for why no test reads an unfiltered page
      `/v1/namespaces/?name=${ns.name}`,
      `/v1/hwm/${hwm.id}`,
      `/v1/hwm/?namespace_id=${ns.id}`,
      `/v1/hwm-history/?hwm_id=${hwm.id}`,
      `/v1/namespace-history/?namespace_id=${ns.id}`,
    ])
      ok(await guest.get(path), 200)
    expect((await createNamespace(guest)).owned_by).toBe(guest.username)
    const r = await attempts(guest)
    no(r.create, 'DEVELOPER', 'GUEST')
    no(r.update, 'DEVELOPER', 'GUEST')
    no(r.copy, 'DEVELOPER', 'GUEST')
    no(r.remove, 'MAINTAINER', 'GUEST')
    no(r.bulk, 'MAINTAINER', 'GUEST')
    no(r.patchNs, 'OWNER', 'GUEST')
    no(r.deleteNs, 'OWNER', 'GUEST')
    no(r.readPerms, 'OWNER', 'GUEST')
    no(r.patchPerms, 'OWNER', 'GUEST')
  })

  it('DEVELOPER may create, update and copy in HWMs', async () => {
    const r = await attempts(users.dev)
    ok(r.create, 201)
    expect(r.create.body.changed_by).toBe(users.dev.username)
    ok(r.update, 200)
    ok(r.copy, 201)
    no(r.remove, 'MAINTAINER', 'DEVELOPER')
    no(r.bulk, 'MAINTAINER', 'DEVELOPER')
    no(r.patchNs, 'OWNER', 'DEVELOPER')
    no(r.deleteNs, 'OWNER', 'GUEST')
    no(r.readPerms, 'OWNER', 'DEVELOPER')
    no(r.patchPerms, 'OWNER', 'DEVELOPER')
  })

  it('MAINTAINER may also delete HWMs, one or in bulk', async () => {
    const r = await attempts(users.maint)
    ok(r.create, 201)
    ok(r.update, 200)
    ok(r.copy, 201)
    ok(r.remove, 204)
    ok(r.bulk, 204)
    no(r.patchNs, 'OWNER', 'MAINTAINER')
    no(r.deleteNs, 'OWNER', 'GUEST')
    no(r.readPerms, 'OWNER', 'MAINTAINER')
    no(r.patchPerms, 'OWNER', 'MAINTAINER')
  })

  it('OWNER may do everything in the namespace', async () => {
    const r = await attempts(owner)
    for (const [what, status] of Object.entries({
      create: 201,
      update: 200,
      copy: 201,
      remove: 204,
      bulk: 204,
      patchNs: 200,
      deleteNs: 204,
      readPerms: 200,
      patchPerms: 200,
    }))
      ok(r[what as keyof typeof r], status)
  })

  it.skipIf(noAdmin)('a superadmin may do everything in any namespace', async () => {
    const admin = await h.as(adminUser!)
    const r = await attempts(admin)
    ok(r.create, 201)
    expect(r.create.body.changed_by).toBe(adminUser)
    ok(r.update, 200)
    ok(r.copy, 201)
    ok(r.remove, 204)
    ok(r.bulk, 204)
    // Horizon 1.1.3 answers this PATCH 500 (its documented bug: a namespace whose changed_by is not its
    // owner cannot be read by anyone but the owner, the PATCH's own answer included), yet stores it.
    if (isRemote) expect([200, 500], r.patchNs.text).toContain(r.patchNs.status)
    else {
      ok(r.patchNs, 200)
      expect(r.patchNs.body).toMatchObject({ owned_by: owner.username, changed_by: adminUser })
    }
    const patched = await owner.get(`/v1/namespaces/${ns.id}`)
    ok(patched, 200)
    expect(patched.body).toMatchObject({ owned_by: owner.username, changed_by: adminUser })
    ok(r.deleteNs, 204)
    ok(r.readPerms, 200)
    expect(r.readPerms.body.permissions.map((p: Json) => p.username)).not.toContain(adminUser)
    ok(r.patchPerms, 200)
  })

  it('roles are per namespace: a developer here is a guest elsewhere', async () => {
    const res = await users.dev.post('/v1/hwm/', { namespace_id: other.id, name: uniq('hwm'), type: 't', value: 1 })
    no(res, 'DEVELOPER', 'GUEST')
  })

  it('answers 404 before 403 for a missing entity', async () => {
    const guest = users.guest
    const missingHwm = notFound('HWM', 'id', 999999999)
    const missingNs = notFound('Namespace', 'id', 999999999)
    expect((await guest.patch('/v1/hwm/999999999', { value: 1 })).body).toEqual(missingHwm)
    expect((await guest.delete('/v1/hwm/999999999')).body).toEqual(missingHwm)
    expect((await guest.post('/v1/hwm/', { namespace_id: 999999999, name: 'x', type: 't', value: 1 })).body).toEqual(
      missingNs,
    )
    expect((await guest.delete('/v1/hwm/', { namespace_id: 999999999, hwm_ids: [1] })).body).toEqual(missingNs)
    expect((await guest.patch('/v1/namespaces/999999999', { description: 'x' })).body).toEqual(missingNs)
    expect((await guest.delete('/v1/namespaces/999999999')).body).toEqual(missingNs)
    expect((await guest.get('/v1/namespaces/999999999/permissions')).body).toEqual(missingNs)
  })
})
