/**
 * The request body limit (`bodyLimit`, default 4 MiB): a larger body answers 413 in Horizon's
 * envelope, before it is read and without echoing it; 422 answers echo bounded excerpts only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliOptions } from '../src/cli.js'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { open, parseAnswer, readAll } from './raw-http.js'
import { call, login } from './server-helpers.js'

const tooLarge = (limit: number) => ({
  error: {
    code: 'payload_too_large',
    message: `Request body is larger than the limit of ${limit} bytes`,
    details: { max_bytes: limit },
  },
})

describe('body limit', () => {
  let small: HorizonServer
  let token: string
  beforeAll(async () => {
    small = await startHorizonServer({ port: 0, bodyLimit: 1024 })
    token = await login(small.url, 'alice')
  })
  afterAll(() => small.close())

  const post = (body: BodyInit, init: RequestInit = {}) =>
    call(`${small.url}/v1/namespaces/`, {
      method: 'POST',
      token,
      body,
      headers: { 'content-type': 'application/json' },
      ...init,
    })
  const named = (length: number) => `{"name":"${'x'.repeat(length - 11)}"}` // `length` bytes in all

  it('answers 413 to a body one byte over the limit, without echoing it; the limit itself passes', async () => {
    const over = await post(named(1025))
    expect(over.status).toBe(413)
    expect(over.body).toEqual(tooLarge(1024))
    expect(over.text).not.toContain('xxxx')
    const at = await post(named(1024))
    expect(at.status).toBe(422) // read and validated: the name is too long, not the body
    expect(at.body.error.details[0].code).toBe('string_too_long')
    expect((await call(`${small.url}/v1/namespaces/`, { token })).body.meta.total_count).toBe(0)
    expect(small.requests.at(-3)).toMatchObject({ method: 'POST', path: '/v1/namespaces/', status: 413 })
  })

  it('counts a chunked body as it arrives', async () => {
    const chunks = [named(1025).slice(0, 600), named(1025).slice(600)]
    const body = new ReadableStream({
      pull(controller) {
        const chunk = chunks.shift()
        if (chunk === undefined) controller.close()
        else controller.enqueue(new TextEncoder().encode(chunk))
      },
    })
    const res = await post(body, { duplex: 'half' } as RequestInit)
    expect(res.status).toBe(413)
    expect(res.body).toEqual(tooLarge(1024))
  })

  it('answers before the body is sent when Content-Length is over the limit, and closes', async () => {
    const socket = await open(small.port)
    const answer = readAll(socket)
    socket.write(
      `POST /v1/namespaces/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n{"name":"`,
    )
    const res = parseAnswer(await answer) // the connection ends after the answer: 100 MB never sent
    expect(res.status).toBe(413)
    expect(res.headers.connection).toBe('close')
    expect(JSON.parse(res.body)).toEqual(tooLarge(1024))
    expect((await call(`${small.url}/monitoring/ping`)).status).toBe(200)
  })

  it('applies to the control API too', async () => {
    const server = await startHorizonServer({ port: 0, bodyLimit: 10, control: true })
    try {
      const res = await call(`${server.url}/__control/latency`, { method: 'POST', body: '{"ms": 0, "pad": 1}' })
      expect(res.status).toBe(413)
    } finally {
      await server.close()
    }
  })

  it('defaults to 4 MiB', async () => {
    const server = await startHorizonServer({ port: 0 })
    try {
      const bearer = await login(server.url, 'alice')
      const send = (length: number) =>
        call(`${server.url}/v1/namespaces/`, {
          method: 'POST',
          token: bearer,
          body: named(length),
          headers: { 'content-type': 'application/json' },
        })
      expect((await send(4 * 1024 * 1024 + 1)).body).toEqual(tooLarge(4 * 1024 * 1024))
      const at = await send(4 * 1024 * 1024)
      expect(at.status).toBe(422)
      expect(at.text.length).toBeLessThan(1000) // the 4 MiB name comes back as an excerpt
    } finally {
      await server.close()
    }
  })

  it('refuses a negative or fractional limit; the CLI has --body-limit and --request-log-size', async () => {
    await expect(startHorizonServer({ port: 0, bodyLimit: -1 })).rejects.toThrow(/bodyLimit/)
    await expect(startHorizonServer({ port: 0, bodyLimit: 0.5 })).rejects.toThrow(/bodyLimit/)
    const options = cliOptions(['--body-limit', '1048576', '--request-log-size', '50'])
    expect(options).toMatchObject({ bodyLimit: 1048576, requestLogSize: 50 })
    expect(cliOptions([])).toMatchObject({ bodyLimit: undefined, requestLogSize: undefined })
    expect(() => cliOptions(['--body-limit', 'lots'])).toThrow(/--body-limit/)
  })
})

describe('422 echoes of huge inputs', () => {
  let server: HorizonServer
  let token: string
  let ns: number
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0, bodyLimit: 16 * 1024 * 1024 })
    token = await login(server.url, 'alice')
    ns = (await call(`${server.url}/v1/namespaces/`, { method: 'POST', token, json: { name: 'echo' } })).body.id
  })
  afterAll(() => server.close())
  const post = (path: string, json: unknown) => call(`${server.url}${path}`, { method: 'POST', token, json })

  it('echoes a normal input whole, as pydantic does', async () => {
    const name = '😀'.repeat(2049)
    const res = await post('/v1/hwm/', { namespace_id: ns, name, type: 't', value: 1 })
    expect(res.body.error.details).toEqual([
      {
        location: ['body', 'name'],
        message: 'String should have at most 2048 characters',
        code: 'string_too_long',
        context: { max_length: 2048 },
        input: name,
      },
    ])
  })

  it('echoes a 10 MB string as its first 256 characters and …', async () => {
    const res = await post('/v1/namespaces/', { name: `${'é'.repeat(300)}${'x'.repeat(10_000_000)}` })
    expect(res.status).toBe(422)
    expect(res.body.error.details[0].input).toBe(`${'é'.repeat(256)}…`)
    expect(res.text.length).toBeLessThan(1000)
  })

  it('echoes a huge body (a `missing` item holds it all) as an excerpt of its JSON', async () => {
    const res = await post('/v1/hwm/', { pad: 'p'.repeat(1_000_000), namespace_id: ns })
    const inputs = res.body.error.details.map((d: { input: unknown }) => d.input)
    expect(inputs).toHaveLength(3) // name, type and value missing
    for (const input of inputs) expect(input).toBe(`{"pad":"${'p'.repeat(248)}…`)
  })

  it('keeps 64 KiB of echoes per answer whole, then excerpts', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `${i}`.padEnd(2000, 'x')) // 40 × 2 kB: over 64 KiB
    const res = await call(`${server.url}/v1/hwm/`, {
      method: 'DELETE',
      token,
      json: { namespace_id: ns, hwm_ids: ids },
    })
    const inputs: string[] = res.body.error.details.map((d: { input: string }) => d.input)
    expect(inputs).toHaveLength(40)
    const whole = inputs.filter((input, i) => input === ids[i]).length
    expect(whole).toBe(Math.floor((64 * 1024) / 2002))
    expect(inputs.slice(whole).every((input, i) => input === `${ids[whole + i]!.slice(0, 256)}…`)).toBe(true)
  })

  it('answers 422, not 500, to a 4 MiB list of bad ids (a million items)', async () => {
    const ids = Array.from({ length: 1_000_000 }, () => 'x')
    const res = await call(`${server.url}/v1/hwm/`, {
      method: 'DELETE',
      token,
      json: { namespace_id: ns, hwm_ids: ids },
    })
    expect(res.status).toBe(422)
    expect(res.body.error.details).toHaveLength(1000)
  })

  it('lists at most 1,000 items', async () => {
    const ids = Array.from({ length: 5000 }, () => 'x')
    const res = await call(`${server.url}/v1/hwm/`, {
      method: 'DELETE',
      token,
      json: { namespace_id: ns, hwm_ids: ids },
    })
    expect(res.status).toBe(422)
    expect(res.body.error.details).toHaveLength(1000)
    expect(res.body.error.details[999].location).toEqual(['body', 'hwm_ids', 999])
  })
})
