import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { client, login } from './server-helpers.js'

type Api = ReturnType<typeof client>

describe('atomic requests: a request that fails changes nothing', () => {
  let server: HorizonServer
  let alice: Api
  const hwmCount = async (api: Api, namespaceId: number) =>
    (await api.get(`/v1/hwm/?namespace_id=${namespaceId}`)).body.meta.total_count
  const historyCount = async (api: Api, hwmId: number) =>
    (await api.get(`/v1/hwm-history/?hwm_id=${hwmId}`)).body.meta.total_count

  beforeAll(async () => {
    server = await startHorizonServer({ port: 0 })
    alice = client(server.url, await login(server.url, 'alice'))
    await login(server.url, 'bob')
  })
  afterAll(() => server.close())

  it('copies nothing when one name clashes in the target (409), with or without history', async () => {
    const source = (await alice.post('/v1/namespaces/', { name: 'atom_src' })).body
    const target = (await alice.post('/v1/namespaces/', { name: 'atom_dst' })).body
    const ids = []
    for (const name of ['a', 'b', 'c'])
      ids.push((await alice.post('/v1/hwm/', { namespace_id: source.id, name, type: 't', value: 1 })).body.id)
    await alice.post('/v1/hwm/', { namespace_id: target.id, name: 'c', type: 't', value: 2 })
    const historyBefore = (await alice.get('/v1/hwm-history/?hwm_id=1')).body
    for (const with_history of [false, true]) {
      const res = await alice.post('/v1/hwm/copy', {
        source_namespace_id: source.id,
        target_namespace_id: target.id,
        hwm_ids: ids,
        with_history,
      })
      expect(res.status).toBe(409)
      expect(res.body.error).toEqual({
        code: 'already_exists',
        message: "HWM with name='c' already exists",
        details: { entity_type: 'HWM', field: 'name', value: 'c' },
      })
    }
    expect(await hwmCount(alice, target.id)).toBe(1)
    // No id was consumed by the failed copies either: the next HWM gets the next id.
    const next = (await alice.post('/v1/hwm/', { namespace_id: target.id, name: 'd', type: 't', value: 3 })).body
    expect(next.id).toBe(ids.at(-1)! + 2)
    expect((await alice.get('/v1/hwm-history/?hwm_id=1')).body).toEqual(historyBefore)
  })

  it('writes no history for a failed update (409) or delete (403)', async () => {
    const ns = (await alice.post('/v1/namespaces/', { name: 'atom_hist' })).body
    const one = (await alice.post('/v1/hwm/', { namespace_id: ns.id, name: 'one', type: 't', value: 1 })).body
    await alice.post('/v1/hwm/', { namespace_id: ns.id, name: 'two', type: 't', value: 1 })
    expect((await alice.patch(`/v1/hwm/${one.id}`, { name: 'two', value: 5 })).status).toBe(409)
    const bob = client(server.url, await login(server.url, 'bob'))
    expect((await bob.delete(`/v1/hwm/${one.id}`)).status).toBe(403)
    expect(await historyCount(alice, one.id)).toBe(1)
    expect((await alice.get(`/v1/hwm/${one.id}`)).body).toEqual(one)
  })

  it('rolls back earlier permission changes when a later one fails (unknown user → 404)', async () => {
    const ns = (await alice.post('/v1/namespaces/', { name: 'atom_perm' })).body
    const res = await alice.patch(`/v1/namespaces/${ns.id}/permissions`, {
      permissions: [
        { username: 'bob', role: 'OWNER' },
        { username: 'nobody_at_all', role: 'MAINTAINER' },
      ],
    })
    expect(res.status).toBe(404)
    expect(res.body.error.message).toBe("User with username='nobody_at_all' not found")
    expect((await alice.get(`/v1/namespaces/${ns.id}/permissions`)).body).toEqual({
      permissions: [{ username: 'alice', role: 'OWNER' }],
    })
    expect((await alice.get(`/v1/namespaces/${ns.id}`)).body).toEqual(ns)
  })

  it('keeps a namespace with HWMs and writes no history when deleting it fails (400)', async () => {
    const ns = (await alice.post('/v1/namespaces/', { name: 'atom_del' })).body
    await alice.post('/v1/hwm/', { namespace_id: ns.id, name: 'x', type: 't', value: 1 })
    const res = await alice.delete(`/v1/namespaces/${ns.id}`)
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      error: {
        code: 'bad_request',
        message: 'Cannot delete namespace because it has related HWM records.',
        details: null,
      },
    })
    const history = await alice.get(`/v1/namespace-history/?namespace_id=${ns.id}`)
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['Created'])
  })
})
