/**
 * HWM values keep every digit, as the real Horizon (JSONB, Python's json) keeps them: in answers,
 * in the store, in copies and in history rows. Values nested deeper than 255 levels are refused.
 * Answers are read with `parseJson` (bigint beyond 2^53) and checked as text where digits matter.
 */
import { parseJson } from '@horizon-ts/core/json'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { login } from './server-helpers.js'

const BIG =
  '{"offset":1733080000123456789,"huge":18446744073709551616,"neg":-9007199254740993,"list":[12345678901234567890,0,1.5]}'
const BIG2 = '[99999999999999999999999999999999,-18446744073709551617]'

describe('exact values', () => {
  let server: HorizonServer
  let token: string
  let ns: number
  let other: number
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0 })
    token = await login(server.url, 'alice')
    ns = (await send('POST', '/v1/namespaces/', '{"name":"exact"}')).body.id
    other = (await send('POST', '/v1/namespaces/', '{"name":"exact_copy"}')).body.id
  })
  afterAll(() => server.close())

  /** A raw JSON text body; the answer's text and its exact parse. */
  async function send(method: string, path: string, text?: string) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(text === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: text,
    })
    const body = await res.text()
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked with toEqual
    return { status: res.status, text: body, body: (body ? parseJson(body) : undefined) as any }
  }
  const createHwm = (name: string, value: string) =>
    send('POST', '/v1/hwm/', `{"namespace_id":${ns},"name":"${name}","type":"t","value":${value}}`)

  it('create, read, list, update and history answer integers of any size digit for digit', async () => {
    const created = await createHwm('big', BIG)
    expect(created.status).toBe(201)
    expect(created.text).toContain(`"value":${BIG}`)
    const id = created.body.id
    expect((await send('GET', `/v1/hwm/${id}`)).text).toContain(`"value":${BIG}`)
    expect((await send('GET', `/v1/hwm/?namespace_id=${ns}&name=big`)).text).toContain(`"value":${BIG}`)
    const updated = await send('PATCH', `/v1/hwm/${id}`, `{"value":${BIG2}}`)
    expect(updated.status).toBe(200)
    expect(updated.text).toContain(`"value":${BIG2}`)
    const history = await send('GET', `/v1/hwm-history/?hwm_id=${id}`)
    expect(history.body.items.map((row: { action: string; value: unknown }) => [row.action, row.value])).toEqual([
      ['Updated', [99999999999999999999999999999999n, -18446744073709551617n]],
      [
        'Created',
        {
          offset: 1733080000123456789n,
          huge: 18446744073709551616n,
          neg: -9007199254740993n,
          list: [12345678901234567890n, 0, 1.5],
        },
      ],
    ])
    expect(history.text).toContain(`"value":${BIG}`)
    expect(history.text).toContain(`"value":${BIG2}`)
  })

  it('a copy and its copied history keep the digits', async () => {
    const id = (await createHwm('to_copy', BIG)).body.id
    await send('PATCH', `/v1/hwm/${id}`, `{"value":${BIG2}}`)
    const copy = await send(
      'POST',
      '/v1/hwm/copy',
      `{"source_namespace_id":${ns},"target_namespace_id":${other},"hwm_ids":[${id}],"with_history":true}`,
    )
    expect(copy.status).toBe(201)
    expect(copy.text).toContain(`"value":${BIG2}`)
    const history = await send('GET', `/v1/hwm-history/?hwm_id=${copy.body.hwms[0].id}`)
    expect(history.body.items.map((row: { value: unknown }) => row.value)).toEqual([
      [99999999999999999999999999999999n, -18446744073709551617n], // the Copied row
      [99999999999999999999999999999999n, -18446744073709551617n],
      expect.objectContaining({ offset: 1733080000123456789n }),
    ])
  })

  it('keeps the last of duplicate keys (as Python), digits included', async () => {
    const res = await createHwm('dupes', '{"a":1,"a":18446744073709551616}')
    expect(res.status).toBe(201)
    expect(res.text).toContain('"value":{"a":18446744073709551616}')
  })

  it('keeps a "__proto__" key as data', async () => {
    const res = await createHwm('proto', '{"__proto__":{"x":18446744073709551616},"y":1}')
    expect(res.status).toBe(201)
    expect(res.text).toContain('"value":{"__proto__":{"x":18446744073709551616},"y":1}')
  })

  it('echoes a big integer exactly in a 422', async () => {
    const res = await send('POST', '/v1/namespaces/', '{"name":18446744073709551616}')
    expect(res.status).toBe(422)
    expect(res.text).toContain('"input":18446744073709551616')
  })

  it('accepts integers of 4300 digits; more answers 400, as Python refuses to convert them', async () => {
    const long = `-${'7'.repeat(4300)}`
    const ok = await createHwm('digits', `[${long}]`)
    expect(ok.status).toBe(201)
    expect(ok.text).toContain(`"value":[${long}]`)
    for (const value of [`${'7'.repeat(4301)}`, `{"a":[1,-${'7'.repeat(4301)}]}`]) {
      const res = await createHwm('too_many_digits', value)
      expect(res.status).toBe(400)
      expect(res.body).toEqual({ detail: 'There was an error parsing the body' })
    }
  })
})

describe('values nested deeper than 255 levels', () => {
  let server: HorizonServer
  let token: string
  let ns: number
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0 })
    token = await login(server.url, 'alice')
    ns = (await post('/v1/namespaces/', '{"name":"deep"}')).body.id
  })
  afterAll(() => server.close())

  async function post(path: string, text: string, method = 'POST') {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: text,
    })
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked with toEqual
    return { status: res.status, body: parseJson(await res.text()) as any }
  }
  const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
  const objects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
  const hwm = (name: string, value: string) => `{"namespace_id":${ns},"name":"${name}","type":"t","value":${value}}`
  const tooDeep = (path: Array<string | number>) => ({
    location: ['body', 'value', ...path],
    code: 'json_too_deep',
    message: 'Value is nested deeper than 255 levels',
    context: {},
    input: null,
  })
  const count = async () =>
    (
      await fetch(`${server.url}/v1/hwm/?namespace_id=${ns}`, { headers: { authorization: `Bearer ${token}` } }).then(
        (r) => r.json(),
      )
    ).meta.total_count

  it('stores [[…]] 255 deep and {"a": …1} 254 deep (a scalar counts as one level)', async () => {
    expect((await post('/v1/hwm/', hwm('arrays_255', arrays(255)))).status).toBe(201)
    expect((await post('/v1/hwm/', hwm('objects_254', objects(254)))).status).toBe(201)
    const list = await fetch(`${server.url}/v1/hwm/?namespace_id=${ns}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(list.status).toBe(200)
  })

  it('refuses one level more with 422 json_too_deep at the too-deep point, storing nothing', async () => {
    const before = await count()
    const a = await post('/v1/hwm/', hwm('arrays_256', arrays(256)))
    expect(a.status).toBe(422)
    expect(a.body.error).toEqual({
      code: 'invalid_request',
      message: 'Invalid request',
      details: [tooDeep(Array(255).fill(0))],
    })
    const o = await post('/v1/hwm/', hwm('objects_255', objects(255)))
    expect(o.status).toBe(422)
    expect(o.body.error.details).toEqual([tooDeep(Array(255).fill('a'))])
    expect(await count()).toBe(before)
  })

  it('refuses it in an update too, after the other issues', async () => {
    const id = (await post('/v1/hwm/', hwm('to_update', '1'))).body.id
    const res = await post(`/v1/hwm/${id}`, `{"name":"","value":{"x":[2,${arrays(255)}]}}`, 'PATCH')
    expect(res.status).toBe(422)
    expect(res.body.error.details.map((d: { code: string }) => d.code)).toEqual(['string_too_short', 'json_too_deep'])
    expect(res.body.error.details[1]).toEqual(tooDeep(['x', 1, ...Array(253).fill(0)]))
  })

  it('answers a body too deep for the parser (10,000 levels) with 400, and keeps answering', async () => {
    for (const value of [arrays(10_000), objects(10_000), arrays(100_000)]) {
      const res = await post('/v1/hwm/', hwm('very_deep', value))
      expect(res.status).toBe(400)
      expect(res.body).toEqual({ detail: 'There was an error parsing the body' })
    }
    // Where Python's parser gives up: 9,991 nested containers, the body's own object included.
    expect((await post('/v1/hwm/', hwm('deep_9990', arrays(9989)))).body.error.details[0].code).toBe('json_too_deep')
    expect((await post('/v1/hwm/', hwm('deep_9991', arrays(9990)))).status).toBe(400)
    expect((await fetch(`${server.url}/monitoring/ping`)).status).toBe(200)
  })

  it('refuses a number JSON cannot write back (1e400 parses to Infinity, answered as null)', async () => {
    const res = await post('/v1/hwm/', hwm('infinite', '{"a":[1,-1e400]}'))
    expect(res.status).toBe(422)
    expect(res.body.error.details).toEqual([
      {
        location: ['body', 'value', 'a', 1],
        code: 'finite_number',
        message: 'Input should be a finite number',
        context: {},
        input: null,
      },
    ])
  })

  it('refuses a deep value holding big integers (parsed without recursion)', async () => {
    const res = await post('/v1/hwm/', hwm('deep_big', `${'['.repeat(6000)}18446744073709551616${']'.repeat(6000)}`))
    expect(res.status).toBe(422)
    expect(res.body.error.details).toEqual([tooDeep(Array(255).fill(0))])
  })

  it('answers a too-deep value in another field with its own 422, the echo cut short', async () => {
    const res = await post('/v1/hwm/', `{"namespace_id":${arrays(300)},"name":"x","type":"t","value":1}`)
    expect(res.status).toBe(422)
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ location: ['body', 'namespace_id'], code: 'int_type', input: expect.any(String) }),
    ])
    expect(res.body.error.details[0].input).toMatch(/^\[\[\[+…$/)
  })
})
