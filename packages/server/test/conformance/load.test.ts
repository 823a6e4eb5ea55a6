import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Api, connect, createHwm, createNamespace, type Json, uniq } from './http'
import { isRemote, startLocal, type Target } from './target'

describe.skipIf(isRemote)('load (local only): 1,000 concurrent requests on loopback', () => {
  let t: Target
  let alice: Api
  let ns: Json
  let hwm: Json
  beforeAll(async () => {
    t = await startLocal()
    alice = await connect(t.baseUrl).as(uniq('alice'))
    ns = await createNamespace(alice)
    hwm = await createHwm(alice, ns.id, { value: { big: 'x'.repeat(1000) } })
  })
  afterAll(() => t.close())

  it('answers 1,000 concurrent authenticated GETs with 200 and the same body', { timeout: 60_000 }, async () => {
    const paths = [`/v1/hwm/${hwm.id}`, `/v1/namespaces/${ns.id}`, `/v1/hwm/?namespace_id=${ns.id}`, '/monitoring/ping']
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => alice.get(paths[i % paths.length]!, { 'X-Request-ID': `load-${i}` })),
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s !== 200)).toEqual([])
    results.forEach((r, i) => {
      expect(r.headers.get('x-request-id')).toBe(`load-${i}`)
      if (i % paths.length === 0) expect(r.body).toStrictEqual(hwm)
    })
  })

  it('keeps every one of 200 concurrent writes', { timeout: 60_000 }, async () => {
    const own = await createNamespace(alice)
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        alice.post('/v1/hwm/', { namespace_id: own.id, name: `w_${String(i).padStart(3, '0')}`, type: 't', value: i }),
      ),
    )
    expect(results.filter((r) => r.status !== 201).map((r) => r.text)).toEqual([])
    expect(new Set(results.map((r) => r.body.id)).size).toBe(200)
    const list = await alice.get(`/v1/hwm/?namespace_id=${own.id}&page_size=50&page=4`)
    expect(list.body.meta.total_count).toBe(200)
    expect(list.body.items.map((x: Json) => x.value)).toEqual(Array.from({ length: 50 }, (_, i) => 150 + i))
  })
})
