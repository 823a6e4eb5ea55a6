/**
 * Exact values end to end: int64 and larger integers go create → get → update with the value read
 * → history → paginate → iterate → copy through the core client, and arrive as `bigint`, digit for
 * digit; the bodies the client sends and the server's raw answers (fetch + res.text()) hold the
 * same digits. Integers that fit stay `number`.
 */
import { HorizonClient, LoginPassword } from '@horizon-ts/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD, useRig } from './rig.js'

const VALUES = [1733080000123456789n, -9007199254740993n, 18446744073709551616n] as const

/** Every integer literal that follows `"key":` in a JSON text, as written. */
const literals = (text: string, key: string) =>
  [...text.matchAll(new RegExp(`"${key}"\\s*:\\s*(-?\\d+)`, 'g'))].map((m) => m[1])

describe('exact values', () => {
  const rig = useRig()
  const sent: string[] = []
  let client: HorizonClient
  let token: string
  let source: number
  let target: number
  /** The server's answer as text, read with a plain fetch. */
  const raw = async (path: string) => {
    const res = await fetch(`${rig.current.server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    return res.text()
  }

  beforeAll(async () => {
    // A test-side observer of the bodies the client writes (it changes nothing).
    const observe: typeof fetch = (input, init) => {
      if (typeof init?.body === 'string') sent.push(init.body)
      return fetch(input, init)
    }
    client = new HorizonClient({
      baseUrl: rig.current.server.url,
      auth: new LoginPassword({ login: 'exact', password: PASSWORD }),
      validateResponses: true,
      retry: false,
      fetch: observe,
    })
    token = (await client.login('exact', PASSWORD)).access_token
    source = (await client.createNamespace({ name: 'exact_src' })).id
    target = (await client.createNamespace({ name: 'exact_dst' })).id
  })

  for (const value of VALUES)
    it(`${value}: create → get → update → history → paginate → iterate → copy, as bigint, digit for digit`, async () => {
      const digits = String(value)
      const name = `v${digits}`
      const steps: string[] = []
      const check = (what: string, got: unknown) => {
        steps.push(what)
        expect(typeof got, `${what}: type`).toBe('bigint')
        expect(String(got), `${what}: digits`).toBe(digits)
      }
      sent.length = 0

      const created = await client.createHwm({ namespace_id: source, name, type: 'column_int', value: value as never })
      check('createHwm answer', created.value)
      expect(literals(sent.join('\n'), 'value'), 'the body createHwm sent').toEqual([digits])
      expect(literals(await raw(`/v1/hwm/${created.id}`), 'value'), 'server raw GET /v1/hwm/{id}').toEqual([digits])

      const got = await client.getHwm(created.id)
      check('getHwm', got.value)

      sent.length = 0
      const updated = await client.updateHwm(created.id, { value: got.value, description: 'written back' })
      check('updateHwm answer', updated.value)
      expect(literals(sent.join('\n'), 'value'), 'the body updateHwm sent').toEqual([digits])

      const history = await client.paginateHwmHistory({ hwm_id: created.id })
      expect(history.items.map((r) => r.action)).toEqual(['Updated', 'Created'])
      for (const row of history.items) check(`history ${row.action}`, row.value)
      expect(literals(await raw(`/v1/hwm-history/?hwm_id=${created.id}`), 'value'), 'server raw history').toEqual([
        digits,
        digits,
      ])

      const page = await client.paginateHwm({ namespace_id: source, name })
      expect(page.items).toHaveLength(1)
      check('paginateHwm', page.items[0]!.value)
      expect(literals(await raw(`/v1/hwm/?namespace_id=${source}&name=${name}`), 'value'), 'server raw page').toEqual([
        digits,
      ])
      for await (const h of client.iterateHwm({ namespace_id: source, name })) check('iterateHwm', h.value)

      const { hwms } = await client.bulkCopyHwm({
        source_namespace_id: source,
        target_namespace_id: target,
        hwm_ids: [created.id],
        with_history: true,
      })
      expect(hwms).toHaveLength(1)
      check('bulkCopyHwm answer', hwms[0]!.value)
      check('getHwm of the copy', (await client.getHwm(hwms[0]!.id)).value)
      expect(literals(await raw(`/v1/hwm/${hwms[0]!.id}`), 'value'), 'server raw copy').toEqual([digits])
      const copied = await client.paginateHwmHistory({ hwm_id: hwms[0]!.id })
      for (const row of copied.items) check(`copy history ${row.action}`, row.value)
      console.log(`[exact] ${digits}: ${steps.length} steps, every one ${digits} as bigint`)
    })

  it('big integers nested in a value keep their digits; integers that fit stay numbers', async () => {
    const value = { offset: VALUES[0], low: VALUES[1], huge: [VALUES[2], 7], safe: Number.MAX_SAFE_INTEGER }
    const created = await client.createHwm({ namespace_id: source, name: 'nested', type: 'key_value_int', value })
    const got = (await client.getHwm(created.id)).value as typeof value
    expect(got).toEqual(value)
    expect(typeof got.safe).toBe('number')
    expect(typeof got.huge[1]).toBe('number')
    const text = await raw(`/v1/hwm/${created.id}`)
    expect(literals(text, 'offset')).toEqual([String(VALUES[0])])
    expect(literals(text, 'low')).toEqual([String(VALUES[1])])
    expect(text).toContain(`[${VALUES[2]},7]`)
    expect(literals(text, 'safe')).toEqual([String(Number.MAX_SAFE_INTEGER)])
  })
})
