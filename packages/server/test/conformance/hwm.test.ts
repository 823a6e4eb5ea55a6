import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exists, notFound, onePage } from './errors'
import {
  type Api,
  type Client,
  connect,
  createHwm,
  createNamespace,
  grant,
  type Json,
  micros,
  TIMESTAMP,
  uniq,
} from './http'
import { startTarget, type Target } from './target'

describe('hwm', () => {
  let t: Target
  let h: Client
  let alice: Api
  let bob: Api
  let ns: Json
  beforeAll(async () => {
    t = await startTarget()
    h = connect(t.baseUrl)
    alice = await h.as(uniq('alice'))
    bob = await h.as(uniq('bob'))
    ns = await createNamespace(alice)
  })
  afterAll(() => t.close())

  it('creates an HWM with every field (201) and reads it back', async () => {
    const name = uniq('hwm')
    const body = {
      name,
      type: 'column_int',
      value: 123,
      description: 'first',
      entity: 'schema.table',
      expression: 'id',
    }
    const res = await alice.post('/v1/hwm/', { namespace_id: ns.id, ...body })
    expect(res.status).toBe(201)
    expect(res.body).toStrictEqual({
      id: expect.any(Number),
      namespace_id: ns.id,
      ...body,
      changed_at: expect.stringMatching(TIMESTAMP),
      changed_by: alice.username,
    })
    const got = await bob.get(`/v1/hwm/${res.body.id}`)
    expect(got.status).toBe(200)
    expect(got.body).toStrictEqual(res.body)
  })

  it('defaults description to "" and entity, expression to null', async () => {
    const name = uniq('hwm')
    const res = await alice.post('/v1/hwm/', { namespace_id: ns.id, name, type: 't', value: null })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ name, type: 't', value: null, description: '', entity: null, expression: null })
  })

  it.each([
    ['null', null],
    ['int', 123],
    ['float', 123.456],
    ['string', 'abc'],
    ['boolean', false],
    ['object', { a: [1, 'b'], n: { deep: null } }],
    ['list', [{ key1: 123 }, { key2: 234.567 }, 'x']],
    ['ISO date string', '2026-11-22T20:58:04.574087+00:00'],
  ])('keeps any JSON value as is: %s', async (_, value) => {
    const hwm = await createHwm(alice, ns.id, { value })
    expect(hwm.value).toStrictEqual(value)
    expect((await alice.get(`/v1/hwm/${hwm.id}`)).body.value).toStrictEqual(value)
  })

  it('accepts a 2048-character name and a 64-character type', async () => {
    const name = uniq('hwm').padEnd(2048, 'n')
    const hwm = await createHwm(alice, ns.id, { name, type: 't'.repeat(64) })
    expect(hwm.name).toBe(name)
    expect(hwm.type).toBe('t'.repeat(64))
  })

  it('answers 409 to a name taken in the namespace, but allows it in another one', async () => {
    const hwm = await createHwm(alice, ns.id)
    const res = await alice.post('/v1/hwm/', { namespace_id: ns.id, name: hwm.name, type: 'x', value: 2 })
    expect(res.status).toBe(409)
    expect(res.body).toEqual(exists('HWM', 'name', hwm.name))
    const other = await createNamespace(alice)
    const there = await createHwm(alice, other.id, { name: hwm.name })
    expect(there.id).not.toBe(hwm.id)
    expect((await alice.get(`/v1/hwm/${hwm.id}`)).body).toStrictEqual(hwm)
  })

  it('answers 404 to a create in a missing namespace', async () => {
    const res = await alice.post('/v1/hwm/', { namespace_id: 999999999, name: uniq('hwm'), type: 't', value: 1 })
    expect(res.status).toBe(404)
    expect(res.body).toEqual(notFound('Namespace', 'id', 999999999))
  })

  it('lists the HWMs of a namespace, filtered by exact name', async () => {
    const own = await createNamespace(alice)
    const a = await createHwm(alice, own.id, { name: 'smoke_hwm' })
    await createHwm(alice, own.id, { name: 'smoke_hwm_2' })
    const res = await bob.get(`/v1/hwm/?namespace_id=${own.id}&name=smoke_hwm`)
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ meta: onePage(1), items: [a] })
    expect((await bob.get(`/v1/hwm/?namespace_id=${own.id}`)).body.meta.total_count).toBe(2)
    expect((await bob.get(`/v1/hwm/?namespace_id=${own.id}&name=smoke`)).body).toStrictEqual({
      meta: onePage(0),
      items: [],
    })
  })

  it('answers an empty page for an unknown namespace id', async () => {
    const res = await bob.get('/v1/hwm/?namespace_id=999999999')
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ meta: onePage(0), items: [] })
  })

  it('updates the given fields only; changed_at and changed_by follow the writer', async () => {
    await grant(alice, ns.id, [{ username: bob.username!, role: 'DEVELOPER' }])
    const hwm = await createHwm(alice, ns.id, {
      description: 'first',
      entity: 'schema.table',
      expression: 'id',
      value: 123,
    })
    const res = await bob.patch(`/v1/hwm/${hwm.id}`, { value: 456, description: 'updated' })
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({
      ...hwm,
      value: 456,
      description: 'updated',
      changed_at: expect.stringMatching(TIMESTAMP),
      changed_by: bob.username,
    })
    expect(micros(res.body.changed_at)).toBeGreaterThan(micros(hwm.changed_at))
    expect((await alice.get(`/v1/hwm/${hwm.id}`)).body).toStrictEqual(res.body)
  })

  it('sets entity and expression to null, renames and retypes', async () => {
    const hwm = await createHwm(alice, ns.id, { entity: 'e', expression: 'x' })
    const name = uniq('renamed')
    const res = await alice.patch(`/v1/hwm/${hwm.id}`, { entity: null, expression: null, name, type: 'column_str' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id: hwm.id,
      namespace_id: ns.id,
      name,
      type: 'column_str',
      entity: null,
      expression: null,
    })
  })

  it('answers 409 to a rename onto another HWM of the namespace', async () => {
    const a = await createHwm(alice, ns.id)
    const b = await createHwm(alice, ns.id)
    const res = await alice.patch(`/v1/hwm/${b.id}`, { name: a.name })
    expect(res.status).toBe(409)
    expect(res.body).toEqual(exists('HWM', 'name', a.name))
    expect((await alice.get(`/v1/hwm/${b.id}`)).body).toStrictEqual(b)
  })

  it('answers 404 for a missing HWM on GET, PATCH and DELETE', async () => {
    expect((await alice.get('/v1/hwm/999999999')).body).toEqual(notFound('HWM', 'id', 999999999))
    const patch = await alice.patch('/v1/hwm/999999999', { value: 1 })
    expect(patch.status).toBe(404)
    expect(patch.body).toEqual(notFound('HWM', 'id', 999999999))
    const del = await alice.delete('/v1/hwm/999999999')
    expect(del.status).toBe(404)
    expect(del.body).toEqual(notFound('HWM', 'id', 999999999))
    expect((await alice.get('/v1/hwm/-1')).body).toEqual(notFound('HWM', 'id', -1))
  })

  it('deletes (204, no body); the name can then be used again under a new id', async () => {
    const hwm = await createHwm(alice, ns.id)
    const res = await alice.delete(`/v1/hwm/${hwm.id}`)
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect((await alice.get(`/v1/hwm/${hwm.id}`)).body).toEqual(notFound('HWM', 'id', hwm.id))
    expect((await alice.patch(`/v1/hwm/${hwm.id}`, { value: 2 })).status).toBe(404)
    const again = await createHwm(alice, ns.id, { name: hwm.name })
    expect(again.id).not.toBe(hwm.id)
  })
})
