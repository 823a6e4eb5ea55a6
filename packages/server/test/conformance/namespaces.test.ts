import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { denied, exists, notFound, onePage } from './errors'
import { type Api, type Client, connect, createHwm, createNamespace, micros, TIMESTAMP, uniq } from './http'
import { startTarget, type Target } from './target'

describe('namespaces', () => {
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

  it('creates a namespace owned by its creator (201)', async () => {
    const name = uniq('ns')
    const res = await alice.post('/v1/namespaces/', { name, description: 'example namespace' })
    expect(res.status).toBe(201)
    expect(res.body).toStrictEqual({
      id: expect.any(Number),
      name,
      description: 'example namespace',
      owned_by: alice.username,
      changed_at: expect.stringMatching(TIMESTAMP),
      changed_by: alice.username,
    })
    const got = await bob.get(`/v1/namespaces/${res.body.id}`)
    expect(got.status).toBe(200)
    expect(got.body).toStrictEqual(res.body)
  })

  it('defaults the description to an empty string', async () => {
    const res = await alice.post('/v1/namespaces/', { name: uniq('ns') })
    expect(res.status).toBe(201)
    expect(res.body.description).toBe('')
  })

  it('accepts a 256-character name', async () => {
    const name = uniq('ns').padEnd(256, 'x')
    const res = await alice.post('/v1/namespaces/', { name })
    expect(res.status).toBe(201)
    expect(res.body.name).toBe(name)
  })

  it('answers 409 to a name already taken, by anyone', async () => {
    const ns = await createNamespace(alice)
    const res = await bob.post('/v1/namespaces/', { name: ns.name, description: 'again' })
    expect(res.status).toBe(409)
    expect(res.body).toEqual(exists('Namespace', 'name', ns.name))
  })

  it('filters the list by exact name', async () => {
    const ns = await createNamespace(alice, { description: 'd' })
    await createNamespace(alice, { name: `${ns.name}_more` })
    const res = await bob.get(`/v1/namespaces/?name=${ns.name}`)
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ meta: onePage(1), items: [ns] })
    const prefix = await bob.get(`/v1/namespaces/?name=${ns.name.slice(0, -1)}`)
    expect(prefix.body).toStrictEqual({ meta: onePage(0), items: [] })
  })

  it('answers 404 for a missing namespace', async () => {
    for (const [method, path] of [
      ['GET', '/v1/namespaces/999999999'],
      ['DELETE', '/v1/namespaces/999999999'],
      ['GET', '/v1/namespaces/999999999/permissions'],
    ] as const) {
      const res = await h.request(method, path, { token: alice.token })
      expect(res.status, `${method} ${path}`).toBe(404)
      expect(res.body).toEqual(notFound('Namespace', 'id', 999999999))
    }
    const patch = await alice.patch('/v1/namespaces/999999999', { description: 'x' })
    expect(patch.status).toBe(404)
    expect(patch.body).toEqual(notFound('Namespace', 'id', 999999999))
  })

  it('updates the description; the owner stays, changed_at moves on', async () => {
    const ns = await createNamespace(alice, { description: 'before' })
    const res = await alice.patch(`/v1/namespaces/${ns.id}`, { description: 'patched' })
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ ...ns, description: 'patched', changed_at: expect.stringMatching(TIMESTAMP) })
    expect(micros(res.body.changed_at)).toBeGreaterThan(micros(ns.changed_at))
    expect((await bob.get(`/v1/namespaces/${ns.id}`)).body).toStrictEqual(res.body)
  })

  it('renames; the old name is free again', async () => {
    const ns = await createNamespace(alice, { description: 'keep' })
    const name = uniq('renamed')
    const res = await alice.patch(`/v1/namespaces/${ns.id}`, { name })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: ns.id, name, description: 'keep', owned_by: alice.username })
    expect((await alice.get(`/v1/namespaces/?name=${ns.name}`)).body.items).toEqual([])
    expect((await alice.post('/v1/namespaces/', { name: ns.name })).status).toBe(201)
  })

  it('answers 409 to a rename onto another namespace name', async () => {
    const a = await createNamespace(alice)
    const b = await createNamespace(alice)
    const res = await alice.patch(`/v1/namespaces/${b.id}`, { name: a.name })
    expect(res.status).toBe(409)
    expect(res.body).toEqual(exists('Namespace', 'name', a.name))
    expect((await alice.get(`/v1/namespaces/${b.id}`)).body).toStrictEqual(b)
  })

  it('lets only the owner update or delete (403 OWNER for a guest)', async () => {
    const ns = await createNamespace(alice)
    const patch = await bob.patch(`/v1/namespaces/${ns.id}`, { description: 'mine now' })
    expect(patch.status).toBe(403)
    expect(patch.body).toEqual(denied('OWNER', 'GUEST'))
    const del = await bob.delete(`/v1/namespaces/${ns.id}`)
    expect(del.status).toBe(403)
    expect(del.body).toEqual(denied('OWNER', 'GUEST'))
    expect((await bob.get(`/v1/namespaces/${ns.id}`)).body).toStrictEqual(ns)
  })

  it('refuses to delete a namespace that has HWMs (400, details null)', async () => {
    const ns = await createNamespace(alice)
    const hwm = await createHwm(alice, ns.id)
    const res = await alice.delete(`/v1/namespaces/${ns.id}`)
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      error: {
        code: 'bad_request',
        message: 'Cannot delete namespace because it has related HWM records.',
        details: null,
      },
    })
    expect((await alice.get(`/v1/namespaces/${ns.id}`)).status).toBe(200)
    expect((await alice.delete(`/v1/hwm/${hwm.id}`)).status).toBe(204)
    const again = await alice.delete(`/v1/namespaces/${ns.id}`)
    expect(again.status).toBe(204)
    expect(again.text).toBe('')
  })

  it('deletes (204, no body); afterwards the namespace is 404 and its name is free', async () => {
    const ns = await createNamespace(alice)
    const res = await alice.delete(`/v1/namespaces/${ns.id}`)
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect((await alice.get(`/v1/namespaces/${ns.id}`)).body).toEqual(notFound('Namespace', 'id', ns.id))
    expect((await alice.delete(`/v1/namespaces/${ns.id}`)).status).toBe(404)
    const again = await bob.post('/v1/namespaces/', { name: ns.name })
    expect(again.status).toBe(201)
    expect(again.body.id).not.toBe(ns.id)
    expect(again.body.owned_by).toBe(bob.username)
  })
})
