/**
 * Hostile and broken HTTP over raw node:net sockets: each gets its 4xx (or a clean close) and the
 * server keeps answering everyone else, with nothing written to the console.
 */
import type { Socket } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { exchange, open, parseAnswer, readAll, request } from './raw-http.js'
import { call } from './server-helpers.js'

describe('hostile HTTP', () => {
  let server: HorizonServer
  const sockets: Socket[] = []
  const errors: unknown[][] = []
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0 })
  })
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.destroy()
    vi.restoreAllMocks()
  })
  afterAll(() => server.close())

  /** Spies on console.error and stderr for the rest of the test. */
  const watchConsole = () => {
    errors.length = 0
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args))
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      errors.push(['stderr', String(chunk)])
      return true
    })
  }

  /** Resolves once `check` holds, polling between turns of the event loop (bounded by the test's timeout). */
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 5))
  }

  /**
   * Sends a request head with `Expect: 100-continue`, waits for the server's 100 Continue (written
   * just before the handler runs), sends `part` of the body and destroys the socket.
   */
  const disconnectMidBody = async (path: string, head: string[], part: string) => {
    const socket = await open(server.port)
    sockets.push(socket)
    const continued = new Promise<void>((resolve) => socket.once('data', () => resolve()))
    socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n${head.join('\r\n')}\r\n\r\n`)
    await continued
    socket.write(part)
    socket.destroy()
  }

  const stillAnswers = async () => expect((await call(`${server.url}/monitoring/ping`)).body).toEqual({ status: 'ok' })

  it('answers invalid JSON with 422 json_invalid', async () => {
    watchConsole()
    const res = await exchange(
      server.port,
      request('POST', '/v1/namespaces/', '{"name": tru}', ['Content-Type: application/json']),
    )
    expect(res.status).toBe(422)
    expect(JSON.parse(res.body).error.details).toEqual([
      { location: ['body', 9], message: 'JSON decode error', code: 'json_invalid', context: {}, input: {} },
    ])
    await stillAnswers()
    expect(errors).toEqual([])
  })

  it('answers a body that is not UTF-8 with 400 {"detail": …}, as FastAPI does', async () => {
    watchConsole()
    const body = Uint8Array.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]) // {"n":"\xc3("}
    const res = await exchange(
      server.port,
      request('POST', '/v1/namespaces/', body, ['Content-Type: application/json']),
    )
    expect(res.status).toBe(400)
    expect(res.headers['content-type']).toBe('application/json')
    expect(JSON.parse(res.body)).toEqual({ detail: 'There was an error parsing the body' })
    await stillAnswers()
    expect(errors).toEqual([])
  })

  it.each([
    [
      'JSON, Content-Length',
      '/v1/namespaces/',
      ['Content-Type: application/json', 'Content-Length: 1000'],
      '{"name": "half',
    ],
    [
      'JSON, chunked',
      '/v1/namespaces/',
      ['Content-Type: application/json', 'Transfer-Encoding: chunked'],
      '20\r\n{"na',
    ],
    [
      'a login form',
      '/v1/auth/token',
      ['Content-Type: application/x-www-form-urlencoded', 'Content-Length: 99'],
      'user',
    ],
  ])(
    'a client gone mid-body (%s) is no error: nothing logged, no answer, the next request served',
    async (_, path, head, part) => {
      watchConsole()
      server.clearRequests()
      await disconnectMidBody(path, head, part)
      await until(() => server.requests.length > 0)
      expect(server.requests).toEqual([{ method: 'POST', path, search: '', status: 0 }])
      await stillAnswers()
      expect(errors).toEqual([])
    },
  )

  it('serves a 64 KB URL, as the real Horizon does (a 2048-character name filter, percent-encoded, is 24 KB)', async () => {
    watchConsole()
    const res = await exchange(server.port, request('GET', `/monitoring/ping?pad=${'a'.repeat(64 * 1024)}`))
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ status: 'ok' })
    expect(errors).toEqual([])
  })

  it('answers 431 to a request head over 256 KiB, closes, and keeps answering', async () => {
    watchConsole()
    const res = await exchange(server.port, request('GET', `/monitoring/ping?pad=${'a'.repeat(300 * 1024)}`))
    expect(res.status).toBe(431)
    await stillAnswers()
    expect(errors).toEqual([])
  })

  it('keeps answering others while requests never finish (head or body); close() ends them', async () => {
    watchConsole()
    const other = await startHorizonServer({ port: 0 })
    try {
      const head = await open(other.port)
      const body = await open(other.port)
      sockets.push(head, body)
      const closed = [readAll(head), readAll(body)]
      head.write('GET /monitoring/ping HTTP/1.1\r\nHost: x\r\nX-Slow: ')
      body.write(
        'POST /v1/namespaces/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na',
      )
      const answers = await Promise.all(Array.from({ length: 20 }, () => call(`${other.url}/monitoring/ping`)))
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200))
      const token = await (
        await fetch(`${other.url}/v1/auth/token`, {
          method: 'POST',
          body: new URLSearchParams({ username: 'u', password: 'p' }),
        })
      ).json()
      expect(token.access_token).toEqual(expect.any(String))
      await other.close()
      expect(await Promise.all(closed)).toEqual(['', '']) // closed without an answer
    } finally {
      await other.close()
    }
    expect(errors).toEqual([])
  })

  it('answers a malformed request line with 400 and keeps answering', async () => {
    watchConsole()
    const socket = await open(server.port)
    sockets.push(socket)
    const answer = readAll(socket)
    socket.write('NOT HTTP AT ALL\r\n\r\n')
    expect(parseAnswer(await answer).status).toBe(400)
    await stillAnswers()
    expect(errors).toEqual([])
  })
})
