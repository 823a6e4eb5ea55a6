import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoUsers, type HorizonServer, startHorizonServer } from '../src/index.js'
import { client, login } from './server-helpers.js'

interface Item {
  id: number
  name: string
  type: string
  value: unknown
  action: string
  changed_at: string
}

describe("seed: 'demo'", () => {
  let server: HorizonServer
  let alice: ReturnType<typeof client>
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0, seed: 'demo' })
    alice = client(server.url, await login(server.url, 'alice'))
  })
  afterAll(() => server.close())

  const allHwms = async (api: ReturnType<typeof client>, namespaceId: number) => {
    const items: Item[] = []
    for (let page = 1; ; page++) {
      const res = await api.get(`/v1/hwm/?namespace_id=${namespaceId}&page_size=50&page=${page}`)
      items.push(...res.body.items)
      if (!res.body.meta.has_next) return items
    }
  }

  it('has the demo users with ids 1..4, admin a superadmin', async () => {
    expect(demoUsers.map((u) => u.username)).toEqual(['admin', 'alice', 'bob', 'carol'])
    for (const [i, user] of demoUsers.entries()) {
      const me = await client(server.url, await login(server.url, user.username)).get('/v1/users/me')
      expect(me.body).toEqual(
        user.superadmin
          ? { id: i + 1, username: user.username, is_admin: true }
          : { id: i + 1, username: user.username },
      )
    }
  })

  it('has five namespaces with the documented owners and roles', async () => {
    const list = await alice.get('/v1/namespaces/')
    expect(list.body.items.map((n: { name: string; owned_by: string }) => `${n.name}:${n.owned_by}`)).toEqual([
      'analytics_prod:alice',
      'archive_2024:alice',
      'etl_marketing:alice',
      'etl_sales:alice',
      'sandbox:bob',
    ])
    expect((await alice.get('/v1/namespaces/1/permissions')).body.permissions).toEqual([
      { username: 'alice', role: 'OWNER' },
      { username: 'carol', role: 'MAINTAINER' },
      { username: 'bob', role: 'DEVELOPER' },
    ])
    const bob = client(server.url, await login(server.url, 'bob'))
    expect((await bob.get('/v1/namespaces/4/permissions')).body.permissions).toEqual([
      { username: 'bob', role: 'OWNER' },
      { username: 'alice', role: 'DEVELOPER' },
      { username: 'carol', role: 'DEVELOPER' },
    ])
  })

  it('has 200 HWMs of several types, each with a history ending in its current state', async () => {
    const all = (await Promise.all([1, 2, 3, 4, 5].map((id) => allHwms(alice, id)))).flat()
    expect(all).toHaveLength(200)
    expect(new Set(all.map((h) => h.type))).toEqual(
      new Set(['column_int', 'column_date', 'column_datetime', 'file_list', 'key_value_int']),
    )
    for (const h of all.filter((x) => x.type === 'column_int').slice(0, 5)) expect(Number.isInteger(h.value)).toBe(true)
    for (const h of all.filter((x) => x.type === 'column_date').slice(0, 5))
      expect(h.value).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    for (const h of all.slice(0, 40)) {
      const history = (await alice.get(`/v1/hwm-history/?hwm_id=${h.id}`)).body.items as Item[]
      expect(history.at(-1)?.action).toBe('Created')
      expect(history[0]).toMatchObject({ value: h.value, changed_at: h.changed_at })
    }
  })

  it('keeps the history of deleted HWMs', async () => {
    const ids = new Set((await allHwms(alice, 4)).map((h) => h.id))
    const missing = Array.from({ length: 203 }, (_, i) => i + 1).filter((id) => !ids.has(id))
    const deleted = []
    for (const id of missing) {
      const items = (await alice.get(`/v1/hwm-history/?hwm_id=${id}`)).body.items as Item[]
      if (items.some((item) => item.action === 'Deleted')) deleted.push(id)
    }
    expect(deleted).toHaveLength(3)
  })

  it('is the same on every start, and after reset()', async () => {
    const other = await startHorizonServer({ port: 0, seed: 'demo' })
    try {
      const them = client(other.url, await login(other.url, 'alice'))
      expect(await allHwms(them, 1)).toEqual(await allHwms(alice, 1))
      expect((await them.get('/v1/namespace-history/?namespace_id=2')).body).toEqual(
        (await alice.get('/v1/namespace-history/?namespace_id=2')).body,
      )
      other.reset('empty')
      const fresh = client(other.url, await login(other.url, 'alice'))
      expect((await fresh.get('/v1/namespaces/')).body.meta.total_count).toBe(0)
      other.reset()
      const again = client(other.url, await login(other.url, 'alice'))
      expect(await allHwms(again, 1)).toEqual(await allHwms(alice, 1))
    } finally {
      await other.close()
    }
  })

  it('dates later writes after the seeded ones', async () => {
    const created = (await alice.post('/v1/hwm/', { namespace_id: 1, name: 'new_one', type: 'column_int', value: 1 }))
      .body
    const newest = (await alice.get('/v1/hwm/?namespace_id=1&page_size=50')).body.items as Item[]
    expect(newest.every((h) => h.changed_at <= created.changed_at)).toBe(true)
  })
})
