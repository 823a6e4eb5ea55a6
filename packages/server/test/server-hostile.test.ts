/**
 * Hostile and broken HTTP over raw node:net sockets: each gets its 4xx (or a clean close) and the
 * server keeps answering everyone else, with nothing written to the console.
 */
import type { Socket } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { exchange, request } from './raw-http.js'
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
})
