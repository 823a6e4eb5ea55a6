/** Choices made where the notes are silent, read from Horizon's source; pinned here so they stay. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { call, client, login } from './server-helpers.js'

type Api = ReturnType<typeof client>

describe('behaviour read from the Horizon source', () => {
  let server: HorizonServer
  let alice: Api
  let admin: Api
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0, superadmins: ['admin'], secret: 'fixed-secret' })
    alice = client(server.url, await login(server.url, 'alice'))
    admin = client(server.url, await login(server.url, 'admin'))
    await login(server.url, 'bob')
  })
  afterAll(() => server.close())

  const raw = (body: BodyInit, token?: string) =>
    call(`${server.url}/v1/namespaces/`, {
      method: 'POST',
      token,
      body,
      headers: { 'content-type': 'application/json' },
    })

  it.each([
    ['{"name":}', 8],
    ['{"name": "😀" x}', 13],
    ['[1,]', 2], // Python 3.13: "Illegal trailing comma before end of array", at the comma
    ['{"name": "a"} x', 14],
  ])('reports invalid JSON %s at the code point where Python stops (%i), before authentication', async (body, pos) => {
    const res = await raw(body)
    expect(res.status).toBe(422)
    expect(res.body.error.details).toEqual([
      { location: ['body', pos], message: 'JSON decode error', code: 'json_invalid', context: {}, input: {} },
    ])
  })

  it('answers 400 to a body that is not UTF-8, and 422 missing to an empty one', async () => {
    const token = await login(server.url, 'alice')
    const bad = await raw(new Blob([new Uint8Array([0x7b, 0xff, 0x7d])]), token)
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ detail: 'There was an error parsing the body' })
    const empty = await call(`${server.url}/v1/namespaces/`, {
      method: 'POST',
      token: await login(server.url, 'alice'),
    })
    expect(empty.body.error.details).toEqual([
      { location: ['body'], message: 'Field required', code: 'missing', context: {}, input: null },
    ])
  })

  it('says "Missing auth credentials" for a bearer scheme without a token', async () => {
    const res = await call(`${server.url}/v1/users/me`, { headers: { authorization: 'Bearer ' } })
    expect(res.status).toBe(401)
    expect(res.body.error.message).toBe('Missing auth credentials')
  })

  it('answers 404 User for a valid token of a user that no longer exists', async () => {
    const other = await startHorizonServer({ port: 0, secret: 'fixed-secret' })
    try {
      const token = await login(other.url, 'ghost')
      await login(other.url, 'ghost2')
      other.reset()
      const res = await call(`${other.url}/v1/users/me`, { token })
      expect(res.status).toBe(404)
      expect(res.body.error).toEqual({
        code: 'not_found',
        message: 'User with id=1 not found',
        details: { entity_type: 'User', field: 'id', value: 1 },
      })
    } finally {
      await other.close()
    }
  })

  it("lets a superadmin act in anyone's namespace; a missing one is still 404", async () => {
    const ns = (await alice.post('/v1/namespaces/', { name: 'beh_admin' })).body
    expect((await admin.post('/v1/hwm/', { namespace_id: ns.id, name: 'x', type: 't', value: 1 })).status).toBe(201)
    expect((await admin.get(`/v1/namespaces/${ns.id}/permissions`)).status).toBe(200)
    const missing = await admin.post('/v1/hwm/', { namespace_id: 999, name: 'x', type: 't', value: 1 })
    expect(missing.status).toBe(404)
    expect(missing.body.error.message).toBe('Namespace with id=999 not found')
  })

  it('transfers ownership: the old owner keeps no role, changed_at moves, no history row', async () => {
    const ns = (await alice.post('/v1/namespaces/', { name: 'beh_transfer' })).body
    const res = await alice.patch(`/v1/namespaces/${ns.id}/permissions`, {
      permissions: [{ username: 'bob', role: 'OWNER' }],
    })
    expect(res.body).toEqual({ permissions: [{ username: 'bob', role: 'OWNER' }] })
    const after = (await alice.get(`/v1/namespaces/${ns.id}`)).body
    expect(after).toMatchObject({ owned_by: 'bob', changed_by: 'alice' })
    expect(after.changed_at > ns.changed_at).toBe(true)
    const history = (await alice.get(`/v1/namespace-history/?namespace_id=${ns.id}`)).body.items
    expect(history.map((h: { action: string }) => h.action)).toEqual(['Created'])
    expect((await alice.patch(`/v1/namespaces/${ns.id}`, { description: 'x' })).status).toBe(403)
  })

  it('copies history rows with their namespace_id, then a "Copied from" row by the copier', async () => {
    const src = (await alice.post('/v1/namespaces/', { name: 'beh_src' })).body
    const dst = (await alice.post('/v1/namespaces/', { name: 'beh_dst' })).body
    const hwm = (await alice.post('/v1/hwm/', { namespace_id: src.id, name: 'h', type: 't', value: 1 })).body
    await alice.patch(`/v1/hwm/${hwm.id}`, { value: 2 })
    const copied = (
      await admin.post('/v1/hwm/copy', {
        source_namespace_id: src.id,
        target_namespace_id: dst.id,
        hwm_ids: [hwm.id],
        with_history: true,
      })
    ).body.hwms[0]
    const rows = (await alice.get(`/v1/hwm-history/?hwm_id=${copied.id}`)).body.items
    expect(
      rows.map((r: { action: string; namespace_id: number; changed_by: string }) => [
        r.action,
        r.namespace_id,
        r.changed_by,
      ]),
    ).toEqual([
      // rows of one changed_at in the order they were written (PostgreSQL's, on a fresh table)
      ['Updated', src.id, 'alice'],
      [`Copied from namespace ${src.id} to namespace ${dst.id}`, dst.id, 'admin'],
      ['Created', src.id, 'alice'],
    ])
    expect(rows[0].changed_at).toBe(rows[1].changed_at)
  })

  it("deletes the namespace's HWM history with it (a foreign key cascade in Horizon)", async () => {
    const ns = (await alice.post('/v1/namespaces/', { name: 'beh_cascade' })).body
    const hwm = (await alice.post('/v1/hwm/', { namespace_id: ns.id, name: 'h', type: 't', value: 1 })).body
    expect((await alice.delete(`/v1/hwm/${hwm.id}`)).status).toBe(204)
    expect((await alice.get(`/v1/hwm-history/?hwm_id=${hwm.id}`)).body.meta.total_count).toBe(2)
    expect((await alice.delete(`/v1/namespaces/${ns.id}`)).status).toBe(204)
    expect((await alice.get(`/v1/hwm-history/?hwm_id=${hwm.id}`)).body.meta.total_count).toBe(0)
    const nsHistory = (await alice.get(`/v1/namespace-history/?namespace_id=${ns.id}`)).body.items
    // "Deleted" keeps the namespace's changed_at: one instant, rows in the order written
    expect(nsHistory.map((h: { action: string }) => h.action)).toEqual(['Created', 'Deleted'])
  })

  it('answers HEAD like any method the route lacks: 405', async () => {
    const res = await call(`${server.url}/monitoring/ping`, { method: 'HEAD' })
    expect(res.status).toBe(405)
  })
})
