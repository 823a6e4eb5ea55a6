/**
 * What the comparison with the real Horizon 1.1.3 (test/real/compare.mjs) found, held against our
 * server alone: every expected text here is what the real server answered to the same request.
 * Numbers as Python writes them (two writers: `json.dumps` for answers, pydantic for errors), key
 * order, pydantic's lax reading of ids, a JSON `null` body, routing details, history ties.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { readJson, writeJson } from '../src/stored-json.js'
import { login } from './server-helpers.js'

describe('fidelity to the real Horizon 1.1.3', () => {
  let server: HorizonServer
  let admin: string
  let alice: string
  let ns: number
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0, superadmins: ['admin'] })
    admin = await login(server.url, 'admin')
    alice = await login(server.url, 'alice')
    ns = (await send('POST', '/v1/namespaces/', '{"name":"fid"}', alice)).json.id
  })
  afterAll(() => server.close())

  /** A raw request: the answer's status, headers and text (and its JSON when it has one). */
  async function send(method: string, path: string, body?: string, token = admin, type = 'application/json') {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` }
    if (body !== undefined) headers['content-type'] = type
    const res = await fetch(`${server.url}${path}`, { method, headers, body, redirect: 'manual' })
    const text = await res.text()
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked with toEqual
    let json: any
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {}
    return { status: res.status, headers: res.headers, text, json }
  }
  let n = 0
  const hwm = (value: string, extra = '') =>
    send('POST', '/v1/hwm/', `{"namespace_id":${ns},"name":"h${n++}","type":"t","value":${value}${extra}}`)
  const valueText = (text: string) => /"value":(.*),"entity"/.exec(text)?.[1]

  describe('numbers and objects in values', () => {
    const SENT = '[1.0,1e-7,1e20,1.5e300,12345678901234567890,-0,-0.0,0.1,1e16,1e15,1e-5,1e-4,1E5,100.0,5e-324]'
    const PYTHON =
      '[1.0,1e-07,1e+20,1.5e+300,12345678901234567890,0,-0.0,0.1,1e+16,1000000000000000.0,1e-05,0.0001,100000.0,100.0,5e-324]'
    const PYDANTIC =
      '[1.0,1e-7,1e20,1.5e300,12345678901234567890,0,-0.0,0.1,1e16,1000000000000000.0,0.00001,0.0001,100000.0,100.0,5e-324]'

    it('answers floats as Python prints them and integers digit for digit, when created, read and listed', async () => {
      const created = await hwm(SENT)
      expect(created.status).toBe(201)
      expect(valueText(created.text)).toBe(PYTHON)
      expect(valueText((await send('GET', `/v1/hwm/${created.json.id}`)).text)).toBe(PYTHON)
      const history = await send('GET', `/v1/hwm-history/?hwm_id=${created.json.id}`)
      expect(history.text).toContain(`"value":${PYTHON}`)
    })

    it('echoes floats in a 422 as pydantic writes them (1e-7, not 1e-07)', async () => {
      const res = await send('POST', '/v1/hwm/', `{"namespace_id":${ns},"name":"m","value":${SENT}}`)
      expect(res.status).toBe(422)
      expect(res.text).toContain(`"input":{"namespace_id":${ns},"name":"m","value":${PYDANTIC}}`)
      const bad = await send('POST', '/v1/namespaces/', '1.5e300')
      expect(bad.text).toContain('"input":1.5e300}')
      const name = await send('POST', '/v1/namespaces/', '{"name":-1.0}')
      expect(name.text).toContain('"code":"string_type","context":{},"input":-1.0}')
    })

    it('keeps the keys of an object in the order sent, duplicates at their first place with the last value', async () => {
      const res = await hwm('{"b":1,"2":2,"1":3.50,"a":{"z":[1e2]},"b":4,"__proto__":5}')
      expect(valueText(res.text)).toBe('{"b":4,"2":2,"1":3.5,"a":{"z":[100.0]},"__proto__":5}')
      // no type: the `missing` item echoes the whole body
      const echo = await send('POST', '/v1/hwm/', `{"2":1,"namespace_id":${ns},"1":2,"name":"x","value":1}`)
      expect(echo.text).toContain(`"input":{"2":1,"namespace_id":${ns},"1":2,"name":"x","value":1}}`)
    })

    it('reads back what it writes: writeJson(readJson(text)) keeps floats, digits and key order', () => {
      const text = '{"z":[1.0,1e-07,-0.0,12345678901234567890],"1":{"b":2.5,"0":null},"a":"é\\u0000"}'
      expect(writeJson(readJson(text))).toBe(text)
      expect(writeJson(readJson(writeJson(readJson(text))))).toBe(text)
    })
  })

  describe("pydantic's lax reading", () => {
    it('reads path and query ids such as 1.0, 1.00 and 1_0 as integers', async () => {
      expect((await send('GET', `/v1/namespaces/${ns}.0`)).json).toMatchObject({ id: ns, name: 'fid' })
      expect((await send('GET', `/v1/namespaces/${ns}.00`)).status).toBe(200)
      const underscore = await send('GET', '/v1/namespaces/1_0')
      expect(underscore.json.error.message).toBe('Namespace with id=10 not found')
      expect((await send('GET', `/v1/namespaces/?name=fid&page_size=%205.0%20`)).json.meta.page_size).toBe(5)
      const half = await send('GET', `/v1/namespaces/${ns}.5`)
      expect(half.json.error.details[0]).toMatchObject({ code: 'int_parsing', input: `${ns}.5` })
    })

    it('keeps every digit of an id beyond 2^53', async () => {
      const res = await send('GET', '/v1/namespaces/9223372036854775807')
      expect(res.text).toContain('"message":"Namespace with id=9223372036854775807 not found"')
      expect(res.text).toContain('"value":9223372036854775807}')
    })

    it('reads body ids given as true, false, 5.0, "5.0" and " 5 "; a fraction or 1e400 is refused', async () => {
      const body = (id: string) => `{"namespace_id":${id},"name":"lax${n++}","type":"t","value":1}`
      expect((await send('POST', '/v1/hwm/', body('true'))).json.namespace_id).toBe(1)
      expect((await send('POST', '/v1/hwm/', body('false'))).json.error.message).toBe('Namespace with id=0 not found')
      for (const id of [`${ns}.0`, `"${ns}.0"`, `" ${ns} "`])
        expect((await send('POST', '/v1/hwm/', body(id))).json.namespace_id).toBe(ns)
      const half = await send('POST', '/v1/hwm/', body('0.5'))
      expect(half.text).toContain('"code":"int_from_float","context":{},"input":0.5}')
      const inf = await send('POST', '/v1/hwm/', body('1e400'))
      expect(inf.json.error.details).toEqual([
        {
          location: ['body', 'namespace_id'],
          message: 'Input should be a finite number',
          code: 'finite_number',
          context: {},
          input: null,
        },
      ])
    })

    it('answers a JSON null body as a missing one', async () => {
      const res = await send('POST', '/v1/namespaces/', 'null')
      expect(res.json.error.details).toEqual([
        { location: ['body'], message: 'Field required', code: 'missing', context: {}, input: null },
      ])
    })

    it('runs the hwm_ids validator (len) first: an empty string or object is "at least 1 item"', async () => {
      for (const ids of ['""', '{}']) {
        const res = await send('DELETE', '/v1/hwm/', `{"namespace_id":${ns},"hwm_ids":${ids}}`)
        expect(res.json.error.details[0]).toMatchObject({ code: 'value_error', input: JSON.parse(ids) })
      }
      const list = await send('DELETE', '/v1/hwm/', `{"namespace_id":${ns},"hwm_ids":[true,2.0,"7"]}`)
      expect(list.status).toBe(204)
    })
  })

  describe('bodies as Python and Starlette read them', () => {
    it('reads NaN and Infinity as floats: a 422 echoes them as null; in a value they are refused', async () => {
      for (const word of ['NaN', 'Infinity', '-Infinity']) {
        const res = await send('POST', '/v1/namespaces/', `{"name":${word}}`)
        expect(res.json.error.details).toEqual([
          {
            location: ['body', 'name'],
            message: 'Input should be a valid string',
            code: 'string_type',
            context: {},
            input: null,
          },
        ])
      }
      expect((await send('POST', '/v1/namespaces/', '{"name":nan}')).json.error.details[0].code).toBe('json_invalid')
      const value = await hwm('[NaN]')
      expect(value.status).toBe(422) // the real Horizon stores nothing and answers 500
      expect(value.json.error.details[0]).toMatchObject({ location: ['body', 'value', 0], code: 'finite_number' })
    })

    const form = (body: BodyInit) =>
      fetch(`${server.url}/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }).then(async (res) => ({ status: res.status, json: await res.json() }))
    const whoami = async (token: string) =>
      (await fetch(`${server.url}/v1/users/me`, { headers: { authorization: `Bearer ${token}` } })).json()

    it("splits a form as python-multipart does: at ';' when no '&' follows, a bare name at the end is no field", async () => {
      expect((await whoami((await form('username=semi;password=x')).json.access_token)).username).toBe('semi')
      const bare = await form('&username=bare&password')
      expect(bare.status).toBe(422)
      expect(bare.json.error.details[0]).toMatchObject({ location: ['body', 'password'], code: 'missing' })
      // a bare name before a separator is a field with an empty value
      expect((await form('password&username=bare2')).json.error.message).toBe('Missing auth credentials')
      expect((await whoami((await form('username=a;b&password=x')).json.access_token)).username).toBe('a;b')
    })

    it('decodes a form as Latin-1 before unquoting, as Starlette does: raw UTF-8 arrives as mojibake', async () => {
      const raw = new Blob(['username=zz-ü&password=x']) // its bytes are UTF-8
      expect((await whoami((await form(raw)).json.access_token)).username).toBe('zz-Ã¼')
      const quoted = await form('username=zz-%C3%BC%FF+x&password=x')
      expect((await whoami(quoted.json.access_token)).username).toBe('zz-ü\ufffd x')
    })
  })

  describe('multipart logins as python-multipart and Starlette read them', () => {
    const multipart = (body: string, type = 'multipart/form-data; boundary=XyZ') =>
      fetch(`${server.url}/v1/auth/token`, { method: 'POST', headers: { 'content-type': type }, body }).then(
        async (res) => ({ status: res.status, json: await res.json() }),
      )
    const part = (name: string, value: string) =>
      `--XyZ\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`

    it('keeps the parts a delimiter closed, without needing the closing one', async () => {
      expect((await multipart(`${part('username', 'mp')}${part('password', 'x')}--XyZ--`)).status).toBe(200)
      const unfinished = await multipart(
        `${part('username', 'mp')}--XyZ\r\nContent-Disposition: form-data; name="password"\r\n\r\nx`,
      )
      expect(unfinished.json.error.details.map((d: { location: string[] }) => d.location)).toEqual([
        ['body', 'password'],
      ])
      expect((await multipart('')).json.error.details).toHaveLength(2)
    })

    it("answers Starlette's 400s: no boundary, a part without a name; and FastAPI's for a body without delimiter", async () => {
      expect((await multipart('x', 'multipart/form-data')).json).toEqual({ detail: 'Missing boundary in multipart.' })
      expect((await multipart('--XyZ\r\nX-Other: 1\r\n\r\nv\r\n--XyZ--\r\n')).json).toEqual({
        detail: 'The Content-Disposition header field "name" must be provided.',
      })
      expect((await multipart('username=a&password=b')).json).toEqual({ detail: 'There was an error parsing the body' })
    })
  })

  describe('HTTP details', () => {
    it("allows, in a 405, the method of the first route of that path only (Starlette's partial match)", async () => {
      expect((await send('PUT', '/v1/namespaces/1')).headers.get('allow')).toBe('GET')
      expect((await send('PUT', '/v1/hwm/')).headers.get('allow')).toBe('GET')
      expect((await send('PUT', '/v1/hwm/copy')).headers.get('allow')).toBe('GET')
    })

    it('answers HEAD with the length of the body it leaves out', async () => {
      const res = await fetch(`${server.url}/monitoring/ping`, { method: 'HEAD' })
      expect(res.status).toBe(405)
      expect(res.headers.get('content-length')).toBe('31') // {"detail":"Method Not Allowed"}
      expect((await fetch(`${server.url}/nope`, { method: 'HEAD' })).headers.get('content-length')).toBe('22')
    })

    it('answers 204 with content-type application/json and no length', async () => {
      const h = await hwm('1')
      const res = await send('DELETE', `/v1/hwm/${h.json.id}`)
      expect(res.status).toBe(204)
      expect(res.headers.get('content-type')).toBe('application/json')
      expect(res.headers.get('content-length')).toBe(null)
    })

    it('reports a trailing comma at the comma, as Python 3.13 does', async () => {
      for (const [body, at] of [
        ['{"a":1,}', 6],
        ['{"a":1 , }', 7],
        ['[1,  ]', 2],
      ] as const) {
        const res = await send('POST', '/v1/namespaces/', body)
        expect(res.json.error.details[0].location).toEqual(['body', at])
      }
    })
  })

  describe('order and superadmin writes', () => {
    it('lists history rows of one changed_at in the order written (Created before Deleted)', async () => {
      const h = await hwm('1')
      await send('DELETE', `/v1/hwm/${h.json.id}`)
      const rows = (await send('GET', `/v1/hwm-history/?hwm_id=${h.json.id}`)).json.items
      expect(rows.map((r: { action: string }) => r.action)).toEqual(['Created', 'Deleted'])
    })

    it('copies nothing into a missing target without looking it up (201, no HWMs)', async () => {
      const res = await send(
        'POST',
        '/v1/hwm/copy',
        `{"source_namespace_id":${ns},"target_namespace_id":999999999,"hwm_ids":[999999998]}`,
      )
      expect(res.status).toBe(201)
      expect(res.text).toBe('{"hwms":[]}')
    })

    it("lets a superadmin demote the owner: Horizon guards only the requester's own entry", async () => {
      const other = (await send('POST', '/v1/namespaces/', '{"name":"fid_other"}', alice)).json.id
      await login(server.url, 'bob')
      const res = await send(
        'PATCH',
        `/v1/namespaces/${other}/permissions`,
        '{"permissions":[{"username":"alice","role":"DEVELOPER"},{"username":"bob","role":"MAINTAINER"}]}',
      )
      expect(res.status).toBe(200)
      expect(res.json.permissions).toEqual([
        { username: 'alice', role: 'DEVELOPER' },
        { username: 'bob', role: 'MAINTAINER' },
      ])
    })
  })

  it('orders names by code point (PostgreSQL C collation), not by UTF-16 code unit', async () => {
    const sorted = (await send('POST', '/v1/namespaces/', '{"name":"fid-order"}', alice)).json.id
    for (const name of ['\uff01x', '😀x', 'a', 'B', '_z'])
      await send('POST', '/v1/hwm/', JSON.stringify({ namespace_id: sorted, name, type: 't', value: 1 }), alice)
    const page = (await send('GET', `/v1/hwm/?namespace_id=${sorted}`, undefined, alice)).json
    // as the real server answered: 42, 5f7a, 61, ff01 78, 1f600 78
    expect(page.items.map((h: { name: string }) => h.name)).toEqual(['B', '_z', 'a', '\uff01x', '😀x'])
  })
})
