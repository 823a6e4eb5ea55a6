/**
 * Values keep every digit: integers beyond 2^53 arrive as `bigint` and go back as the same
 * digits; what JSON cannot carry is refused before sending. A raw node:http server on 127.0.0.1
 * answers exact text and records the exact bodies sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HorizonClient, RequestValidationError } from '../src/index.js'
import { type RawRequest, rawServer } from './support.js'

const HWM = (value: string) =>
  `{"id":7,"namespace_id":1,"name":"offsets","description":"","type":"kafka","value":${value},"entity":null,"expression":null,"changed_at":"2026-12-01T10:00:00Z","changed_by":"etl"}`
const BIG =
  '{"offset":1733080000123456789,"neg":-9007199254740993,"huge":18446744073709551616,"safe":9007199254740991,"dec":1.5,"list":[12345678901234567890,0]}'

let srv: Awaited<ReturnType<typeof rawServer>>
let client: HorizonClient
const sent = (r: RawRequest) => r.body
beforeAll(async () => {
  srv = await rawServer((r) => {
    if (r.method === 'GET' && r.url.startsWith('/v1/hwm-history/'))
      return {
        body: `{"meta":{"page":1,"pages_count":1,"total_count":1,"page_size":20,"has_next":false,"has_previous":false,"next_page":null,"previous_page":null},"items":[{"id":1,"hwm_id":7,"namespace_id":1,"name":"offsets","description":"","type":"kafka","value":${BIG},"entity":null,"expression":null,"action":"Created","changed_at":"2026-12-01T10:00:00Z","changed_by":"etl"}]}`,
      }
    if (r.method === 'GET') return { body: HWM(BIG) }
    // PATCH/POST: answer with what was sent, digit for digit, as the real server does.
    const value = r.body.match(/"value":(.*)}$/)?.[1] ?? 'null'
    return { status: r.method === 'POST' ? 201 : 200, body: HWM(value) }
  })
  client = new HorizonClient({ baseUrl: srv.url, retry: false, validateResponses: true })
})
afterAll(() => srv.close())

describe('exact values', () => {
  it('integers beyond 2^53 arrive as bigint, safe integers and decimals as number', async () => {
    const h = await client.getHwm(7)
    expect(h.value).toEqual({
      offset: 1733080000123456789n,
      neg: -9007199254740993n,
      huge: 18446744073709551616n,
      safe: 9007199254740991,
      dec: 1.5,
      list: [12345678901234567890n, 0],
    })
    expect(h.id).toBe(7)
  })

  it('a read-modify-write sends back the same digits', async () => {
    const h = await client.getHwm(7)
    const back = await client.updateHwm(7, { value: h.value })
    expect(sent(srv.requests.at(-1)!)).toBe(`{"value":${BIG}}`)
    expect(back.value).toEqual(h.value)
  })

  it('bigint anywhere in a body is sent as its digits', async () => {
    await client.createHwm({ namespace_id: 1, name: 'n', type: 't', value: [1n, -(2n ** 70n), { a: 2n ** 64n }] })
    expect(sent(srv.requests.at(-1)!)).toContain('"value":[1,-1180591620717411303424,{"a":18446744073709551616}]')
    expect(srv.requests.at(-1)!.headers['content-type']).toBe('application/json')
  })

  it('history values and pages keep their digits too', async () => {
    const page = await client.paginateHwmHistory({ hwm_id: 7 })
    expect((page.items[0]!.value as { offset: bigint }).offset).toBe(1733080000123456789n)
  })

  it('an integer schema accepts a bigint (response validation)', async () => {
    const { checkResponse } = await import('../src/entries/schemas.js')
    const h = { ...(await client.getHwm(7)), id: 2n ** 63n }
    expect(checkResponse('getHwm', h)).toEqual([])
    expect(checkResponse('getHwm', { ...h, id: 'x' })[0]!.code).toBe('integer_type')
  })

  it('dry runs show the body as sent, bigint included', async () => {
    const dry = await client.dry.updateHwm(7, { value: 1733080000123456789n })
    expect(dry.body).toEqual({ value: 1733080000123456789n })
  })
})

describe('values JSON cannot carry are refused before sending', () => {
  const refused = async (value: unknown) => {
    const before = srv.requests.length
    const e = await client.updateHwm(7, { value: value as never }).catch((x: unknown) => x)
    expect(srv.requests.length).toBe(before)
    expect(e).toBeInstanceOf(RequestValidationError)
    return (e as RequestValidationError).details
  }

  it('NaN, Infinity and -Infinity, named by location', async () => {
    expect((await refused({ max: Number.NaN }))[0]).toMatchObject({
      location: ['body', 'value', 'max'],
      code: 'finite_number',
    })
    expect((await refused([1, Number.POSITIVE_INFINITY]))[0]!.location).toEqual(['body', 'value', 1])
    expect((await refused(Math.max()))[0]!.location).toEqual(['body', 'value'])
  })

  it('lone surrogates in strings and keys (no UTF-8 form: the server would get another text)', async () => {
    expect((await refused({ note: 'a\ud800b' }))[0]).toMatchObject({
      location: ['body', 'value', 'note'],
      code: 'string_unicode',
    })
    expect((await refused({ 'k\udc00': 1 }))[0]!.location).toEqual(['body', 'value', 'k\udc00'])
    await client.updateHwm(7, { value: '😀 paired is fine' })
  })

  it('circular structures', async () => {
    const a: Record<string, unknown> = { x: 1 }
    a.self = a
    expect((await refused(a))[0]).toMatchObject({ location: ['body', 'value', 'self'], code: 'json_circular' })
  })

  it('nesting deeper than the server can answer (255 levels, a scalar counting as one)', async () => {
    const nest = (depth: number, inner: unknown): unknown => {
      let v = inner
      for (let i = 0; i < depth; i++) v = [v]
      return v
    }
    // 255 arrays deep, the innermost empty: accepted; one more level: refused.
    await expect(client.dry.updateHwm(7, { value: nest(254, []) as never })).resolves.toBeTruthy()
    expect((await refused(nest(255, [])))[0]!.code).toBe('json_too_deep')
    expect((await refused(nest(10_000, 1)))[0]!.code).toBe('json_too_deep')
  })

  it('functions, symbols and undefined inside arrays, Maps and Sets', async () => {
    expect((await refused({ f: () => 1 }))[0]).toMatchObject({ location: ['body', 'value', 'f'], code: 'json_type' })
    expect((await refused([Symbol('s')]))[0]!.location).toEqual(['body', 'value', 0])
    expect((await refused([1, undefined]))[0]!.location).toEqual(['body', 'value', 1])
    expect((await refused(new Map([[1, 2]])))[0]!.code).toBe('json_type')
    expect((await refused(undefined as unknown as null)).length).toBe(0 + 1)
  })

  it('null-prototype objects, class instances and toJSON are written by JSON rules', async () => {
    const bare = Object.assign(Object.create(null) as object, { a: 1, b: 2n ** 63n })
    class Offset {
      constructor(
        readonly partition: number,
        readonly at: bigint,
      ) {}
    }
    const cases: Array<[unknown, string]> = [
      [bare, '{"a":1,"b":9223372036854775808}'],
      [new Offset(3, 2n ** 62n), '{"partition":3,"at":4611686018427387904}'],
      [new Date(Date.UTC(2026, 0, 2)), '"2026-01-02T00:00:00.000Z"'],
      [{ toJSON: () => ({ v: 1 }) }, '{"v":1}'],
      [{ skip: undefined, keep: -0 }, '{"keep":0}'],
    ]
    for (const [value, text] of cases) {
      await client.updateHwm(7, { value: value as never })
      expect(sent(srv.requests.at(-1)!)).toBe(`{"value":${text}}`)
    }
  })
})
