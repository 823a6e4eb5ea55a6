import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { denied, invalid, issue, missing, notFound, valueError } from './errors'
import { type Api, type Client, connect, createNamespace, uniq } from './http'
import { adminUser, isRemote, noAdmin, startTarget, type Target } from './target'

describe('permissions: /v1/namespaces/{id}/permissions', () => {
  let t: Target
  let h: Client
  let owner: Api
  let a: Api
  let b: Api
  let c: Api
  beforeAll(async () => {
    t = await startTarget()
    h = connect(t.baseUrl)
    owner = await h.as(uniq('owner'))
    const base = uniq('u')
    a = await h.as(`${base}a`)
    b = await h.as(`${base}b`)
    c = await h.as(`${base}c`)
  })
  afterAll(() => t.close())

  const path = (id: number) => `/v1/namespaces/${id}/permissions`
  const perm = (api: Api, role: string | null) => ({ username: api.username!, role })

  it('lists the owner alone for a new namespace', async () => {
    const ns = await createNamespace(owner)
    const res = await owner.get(path(ns.id))
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ permissions: [perm(owner, 'OWNER')] })
  })

  it('grants roles and answers the full list: owner, then role high to low, then username', async () => {
    const ns = await createNamespace(owner)
    const res = await owner.patch(path(ns.id), {
      permissions: [perm(c, 'DEVELOPER'), perm(a, 'DEVELOPER'), perm(b, 'MAINTAINER')],
    })
    expect(res.status).toBe(200)
    const expected = [perm(owner, 'OWNER'), perm(b, 'MAINTAINER'), perm(a, 'DEVELOPER'), perm(c, 'DEVELOPER')]
    expect(res.body).toStrictEqual({ permissions: expected })
    expect((await owner.get(path(ns.id))).body).toStrictEqual({ permissions: expected })
  })

  it('changes a role and removes one with role null', async () => {
    const ns = await createNamespace(owner)
    await owner.patch(path(ns.id), { permissions: [perm(a, 'DEVELOPER'), perm(b, 'DEVELOPER')] })
    const res = await owner.patch(path(ns.id), { permissions: [perm(a, null), perm(b, 'MAINTAINER')] })
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ permissions: [perm(owner, 'OWNER'), perm(b, 'MAINTAINER')] })
    const missingRole = await owner.patch(path(ns.id), { permissions: [{ username: b.username }] })
    expect(missingRole.body).toStrictEqual({ permissions: [perm(owner, 'OWNER')] })
  })

  it('transfers ownership: the new owner leaves its role, the old owner keeps none', async () => {
    const old = await h.as(uniq('old'))
    const ns = await createNamespace(old)
    await old.patch(path(ns.id), { permissions: [perm(a, 'MAINTAINER'), perm(b, 'DEVELOPER')] })
    const res = await old.patch(path(ns.id), { permissions: [perm(a, 'OWNER')] })
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ permissions: [perm(a, 'OWNER'), perm(b, 'DEVELOPER')] })
    const got = await a.get(`/v1/namespaces/${ns.id}`)
    expect(got.status).toBe(200)
    expect(got.body).toMatchObject({ id: ns.id, name: ns.name, owned_by: a.username, changed_by: old.username })
    const oldNow = await old.get(path(ns.id))
    expect(oldNow.status).toBe(403)
    expect(oldNow.body).toEqual(denied('OWNER', 'GUEST'))
    expect((await a.patch(`/v1/namespaces/${ns.id}`, { description: 'new owner' })).status).toBe(200)
    // Horizon 1.1.3 answers 500 here (a known bug a faithful implementation does not copy)
    if (!isRemote) expect((await old.get(`/v1/namespaces/${ns.id}`)).body.owned_by).toBe(a.username)
  })

  it('lets the owner step down in the request that names the new owner', async () => {
    const old = await h.as(uniq('old'))
    const ns = await createNamespace(old)
    const res = await old.patch(path(ns.id), { permissions: [perm(old, 'DEVELOPER'), perm(c, 'OWNER')] })
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ permissions: [perm(c, 'OWNER'), perm(old, 'DEVELOPER')] })
  })

  it('answers 400 when the owner drops ownership without naming a new owner', async () => {
    const ns = await createNamespace(owner)
    for (const role of ['DEVELOPER', null]) {
      const res = await owner.patch(path(ns.id), { permissions: [perm(a, 'MAINTAINER'), perm(owner, role)] })
      expect(res.status).toBe(400)
      expect(res.body).toEqual({
        error: { code: 'bad_request', message: 'Cannot drop ownership without assigning a new owner.', details: {} },
      })
    }
    expect((await owner.get(path(ns.id))).body).toStrictEqual({ permissions: [perm(owner, 'OWNER')] })
  })

  it('answers 404 for an unknown username and applies nothing of the request', async () => {
    const ns = await createNamespace(owner)
    const ghost = uniq('ghost')
    const res = await owner.patch(path(ns.id), {
      permissions: [perm(a, 'DEVELOPER'), { username: ghost, role: 'DEVELOPER' }],
    })
    expect(res.status).toBe(404)
    expect(res.body).toEqual(notFound('User', 'username', ghost))
    expect((await owner.get(path(ns.id))).body).toStrictEqual({ permissions: [perm(owner, 'OWNER')] })
  })

  it('answers 404 for a missing namespace', async () => {
    const res = await owner.patch(path(999999999), { permissions: [perm(a, 'DEVELOPER')] })
    expect(res.status).toBe(404)
    expect(res.body).toEqual(notFound('Namespace', 'id', 999999999))
  })

  it('needs OWNER to read or change permissions', async () => {
    const ns = await createNamespace(owner)
    await owner.patch(path(ns.id), { permissions: [perm(a, 'MAINTAINER')] })
    for (const [who, role] of [
      [a, 'MAINTAINER'],
      [b, 'GUEST'],
    ] as const) {
      const get = await who.get(path(ns.id))
      expect(get.status).toBe(403)
      expect(get.body).toEqual(denied('OWNER', role))
      const patch = await who.patch(path(ns.id), { permissions: [perm(who, 'OWNER')] })
      expect(patch.status).toBe(403)
      expect(patch.body).toEqual(denied('OWNER', role))
    }
  })

  it.skipIf(noAdmin)('lets a superadmin read and change any namespace permissions, without listing them', async () => {
    const admin = await h.as(adminUser!)
    const ns = await createNamespace(owner)
    const res = await admin.patch(path(ns.id), { permissions: [perm(b, 'DEVELOPER')] })
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ permissions: [perm(owner, 'OWNER'), perm(b, 'DEVELOPER')] })
    expect((await admin.get(path(ns.id))).body).toStrictEqual(res.body)
  })

  it('answers 422 to duplicate usernames, two owners, a bad role, a missing field', async () => {
    const ns = await createNamespace(owner)
    const dup = [perm(a, 'DEVELOPER'), perm(a, 'MAINTAINER'), perm(b, 'OWNER')]
    let res = await owner.patch(path(ns.id), { permissions: dup })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(
      invalid(
        valueError(
          ['body', 'permissions'],
          `Duplicate username detected: ${a.username}. Each username must appear only once.`,
          dup,
        ),
      ),
    )
    const owners = [perm(a, 'DEVELOPER'), perm(b, 'OWNER'), perm(c, 'OWNER')]
    res = await owner.patch(path(ns.id), { permissions: owners })
    expect(res.body).toEqual(
      invalid(
        valueError(
          ['body', 'permissions'],
          'Multiple owner role assignments detected. Only one owner can be assigned.',
          owners,
        ),
      ),
    )
    const expected = "'DEVELOPER', 'MAINTAINER' or 'OWNER'"
    res = await owner.patch(path(ns.id), { permissions: [perm(a, 'DEVELOPER'), perm(b, 'developer')] })
    expect(res.body).toEqual(
      invalid(
        issue(['body', 'permissions', 1, 'role'], 'enum', `Input should be ${expected}`, 'developer', { expected }),
      ),
    )
    res = await owner.patch(path(ns.id), { permissions: [{ role: 'DEVELOPER' }] })
    expect(res.body).toEqual(invalid(missing(['body', 'permissions', 0, 'username'], { role: 'DEVELOPER' })))
    res = await owner.patch(path(ns.id), {})
    expect(res.body).toEqual(invalid(missing(['body', 'permissions'], {})))
    expect((await owner.get(path(ns.id))).body).toStrictEqual({ permissions: [perm(owner, 'OWNER')] })
  })
})
