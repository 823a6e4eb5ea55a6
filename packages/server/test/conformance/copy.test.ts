import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { denied, exists, invalid, missing, notFound, onePage, valueError } from './errors'
import { type Api, type Client, connect, createHwm, createNamespace, grant, type Json, newestFirst, uniq } from './http'
import { startTarget, type Target } from './target'

const byName = (a: Json, b: Json) => (a.name < b.name ? -1 : 1)
const fields = ({ id, namespace_id, ...rest }: Json) => rest
const historyRow = (hwm: Json, action: string, namespace_id: number, changed_by: string) => ({
  id: expect.any(Number),
  hwm_id: hwm.id,
  namespace_id,
  ...fields(hwm),
  action,
  changed_by,
})

describe('copy: POST /v1/hwm/copy', () => {
  let t: Target
  let h: Client
  let alice: Api
  let bob: Api
  let carol: Api
  let src: Json
  let a: Json
  let aCreated: Json
  let b: Json
  beforeAll(async () => {
    t = await startTarget()
    h = connect(t.baseUrl)
    alice = await h.as(uniq('alice'))
    bob = await h.as(uniq('bob'))
    carol = await h.as(uniq('carol'))
    src = await createNamespace(alice)
    aCreated = await createHwm(alice, src.id, { name: `${uniq('h')}_a`, description: 'first', entity: 'e', value: 1 })
    a = (await alice.patch(`/v1/hwm/${aCreated.id}`, { value: { v: 2 }, description: 'updated' })).body
    b = await createHwm(alice, src.id, { name: `${uniq('h')}_b`, type: 'column_str', value: 'x' })
  })
  afterAll(() => t.close())

  const copy = (as: Api, body: Record<string, unknown>) => as.post('/v1/hwm/copy', body)
  const historyOf = (id: number) => alice.get(`/v1/hwm-history/?hwm_id=${id}`)

  it('copies into the target (201 {hwms}); copies keep changed_at and changed_by of the originals', async () => {
    const tgt = await createNamespace(bob)
    const res = await copy(bob, { source_namespace_id: src.id, target_namespace_id: tgt.id, hwm_ids: [a.id, b.id] })
    expect(res.status).toBe(201)
    expect(Object.keys(res.body)).toEqual(['hwms'])
    const hwms = [...res.body.hwms].sort(byName)
    expect(hwms).toStrictEqual(
      [a, b].map((x) => ({ ...x, id: expect.any(Number), namespace_id: tgt.id, changed_by: alice.username })),
    )
    expect(hwms[0].id).not.toBe(a.id)
    const list = await bob.get(`/v1/hwm/?namespace_id=${tgt.id}`)
    expect(list.body).toStrictEqual({ meta: onePage(2), items: hwms })
    // the originals are untouched
    expect((await alice.get(`/v1/hwm/${a.id}`)).body).toStrictEqual(a)
    expect((await historyOf(a.id)).body.meta.total_count).toBe(2)
  })

  it('writes one "Copied from namespace S to namespace T" row (ids) naming the copier', async () => {
    const tgt = await createNamespace(bob)
    const res = await copy(bob, { source_namespace_id: src.id, target_namespace_id: tgt.id, hwm_ids: [a.id] })
    const [copied] = res.body.hwms
    const history = await historyOf(copied.id)
    expect(history.body).toStrictEqual({
      meta: onePage(1),
      items: [historyRow(copied, `Copied from namespace ${src.id} to namespace ${tgt.id}`, tgt.id, bob.username!)],
    })
    expect(history.body.items[0].changed_at).toBe(a.changed_at)
  })

  it('with_history copies the old rows too (they keep the source namespace_id)', async () => {
    const tgt = await createNamespace(bob)
    const res = await copy(bob, {
      source_namespace_id: src.id,
      target_namespace_id: tgt.id,
      hwm_ids: [a.id],
      with_history: true,
    })
    expect(res.status).toBe(201)
    const [copied] = res.body.hwms
    const items = newestFirst(await historyOf(copied.id))
    expect(items).toHaveLength(3)
    const keep = (x: Json) => ({ ...x, id: copied.id })
    expect(items).toEqual(
      expect.arrayContaining([
        historyRow(copied, `Copied from namespace ${src.id} to namespace ${tgt.id}`, tgt.id, bob.username!),
        historyRow(keep(a), 'Updated', src.id, alice.username!),
        historyRow(keep(aCreated), 'Created', src.id, alice.username!),
      ]),
    )
    expect(items[2].action).toBe('Created')
  })

  it('ignores ids that are not in the source namespace', async () => {
    const elsewhere = await createHwm(alice, (await createNamespace(alice)).id)
    const tgt = await createNamespace(bob)
    const res = await copy(bob, {
      source_namespace_id: src.id,
      target_namespace_id: tgt.id,
      hwm_ids: [b.id, elsewhere.id, 999999999],
    })
    expect(res.status).toBe(201)
    expect(res.body.hwms.map((x: Json) => x.name)).toEqual([b.name])
    expect((await bob.get(`/v1/hwm/?namespace_id=${tgt.id}`)).body.meta.total_count).toBe(1)
  })

  it('needs DEVELOPER on the target only (a guest of the source may copy)', async () => {
    const tgt = await createNamespace(bob)
    const body = { source_namespace_id: src.id, target_namespace_id: tgt.id, hwm_ids: [b.id] }
    const guest = await copy(carol, body)
    expect(guest.status).toBe(403)
    expect(guest.body).toEqual(denied('DEVELOPER', 'GUEST'))
    await grant(bob, tgt.id, [{ username: carol.username!, role: 'DEVELOPER' }])
    const dev = await copy(carol, body)
    expect(dev.status).toBe(201)
    const history = await historyOf(dev.body.hwms[0].id)
    expect(history.body.items[0].changed_by).toBe(carol.username)
  })

  it('answers 404 for a missing target, and for a missing source once the target allows the copy', async () => {
    const tgt = await createNamespace(carol)
    const noTarget = await copy(carol, { source_namespace_id: src.id, target_namespace_id: 999999999, hwm_ids: [b.id] })
    expect(noTarget.status).toBe(404)
    expect(noTarget.body).toEqual(notFound('Namespace', 'id', 999999999))
    const noSource = await copy(carol, { source_namespace_id: 999999999, target_namespace_id: tgt.id, hwm_ids: [b.id] })
    expect(noSource.status).toBe(404)
    expect(noSource.body).toEqual(notFound('Namespace', 'id', 999999999))
    // the target is checked first: a guest of the target gets 403 even when the source is missing
    const guest = await copy(bob, { source_namespace_id: 999999999, target_namespace_id: tgt.id, hwm_ids: [b.id] })
    expect(guest.status).toBe(403)
    expect(guest.body).toEqual(denied('DEVELOPER', 'GUEST'))
  })

  it('answers 409 to a name clash in the target and copies nothing, writes no history', async () => {
    const tgt = await createNamespace(bob)
    const clash = await createHwm(bob, tgt.id, { name: b.name, value: 'mine' })
    const res = await copy(bob, {
      source_namespace_id: src.id,
      target_namespace_id: tgt.id,
      hwm_ids: [a.id, b.id],
      with_history: true,
    })
    expect(res.status).toBe(409)
    expect(res.body).toEqual(exists('HWM', 'name', b.name))
    expect((await bob.get(`/v1/hwm/?namespace_id=${tgt.id}`)).body).toStrictEqual({ meta: onePage(1), items: [clash] })
    expect((await historyOf(clash.id)).body.meta.total_count).toBe(1)
    expect((await bob.get(`/v1/hwm/?namespace_id=${tgt.id}&name=${a.name}`)).body.items).toEqual([])
  })

  it('answers 422 when source and target are the same', async () => {
    const body = { source_namespace_id: src.id, target_namespace_id: src.id, hwm_ids: [a.id], with_history: false }
    const res = await copy(alice, body)
    expect(res.status).toBe(422)
    expect(res.body).toEqual(
      invalid(valueError(['body'], 'Source and target namespace IDs must not be the same.', body)),
    )
  })

  it('answers 422 to an empty hwm_ids (1.1.3: a value_error of a "before" validator)', async () => {
    const tgt = await createNamespace(alice)
    const res = await copy(alice, { source_namespace_id: src.id, target_namespace_id: tgt.id, hwm_ids: [] })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(
      invalid(valueError(['body', 'hwm_ids'], 'List should have at least 1 item after validation, not 0', [])),
    )
  })

  it('answers 422 to missing fields (input: the whole body)', async () => {
    const res = await copy(alice, { with_history: true })
    expect(res.status).toBe(422)
    const body = { with_history: true }
    expect(res.body).toEqual(
      invalid(
        missing(['body', 'source_namespace_id'], body),
        missing(['body', 'target_namespace_id'], body),
        missing(['body', 'hwm_ids'], body),
      ),
    )
  })
})
