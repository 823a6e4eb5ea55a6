/** Bad call options are refused with a typed error, and nothing is sent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HorizonClient, RequestValidationError } from '../src/index.js'
import { rawServer } from './support.js'

let srv: Awaited<ReturnType<typeof rawServer>>
let client: HorizonClient
beforeAll(async () => {
  srv = await rawServer(() => ({ body: '{"status":"ok"}' }))
  client = new HorizonClient({ baseUrl: srv.url, retry: false })
})
afterAll(() => srv.close())

const refused = async (call: () => Promise<unknown>, location: Array<string | number>) => {
  const before = srv.requests.length
  const e = await (async () => call())().catch((x: unknown) => x)
  expect(e).toBeInstanceOf(RequestValidationError)
  expect((e as RequestValidationError).details[0]!.location).toEqual(location)
  expect(srv.requests.length).toBe(before)
}
const c = () => client as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>

describe('call options', () => {
  it('bad options reject the promise; they never throw synchronously', () => {
    let promise: Promise<unknown> | undefined
    expect(() => {
      promise = c().getHwm!(1, null)
    }).not.toThrow()
    return expect(promise).rejects.toBeInstanceOf(RequestValidationError)
  })

  it('a lone surrogate in a query string is refused: the URL would carry U+FFFD instead', async () => {
    await refused(() => client.paginateNamespaces({ name: 'a\ud800b' }), ['query', 'name'])
  })

  it('null, a string or a number instead of the options object', async () => {
    await refused(() => c().getHwm!(1, null), ['options'])
    await refused(() => c().getHwm!(1, 'fast'), ['options'])
    await refused(() => c().ping!(7), ['options'])
  })

  it('a signal that is not an AbortSignal, headers that are not strings', async () => {
    await refused(() => c().ping!({ signal: 'stop' }), ['options', 'signal'])
    await refused(() => c().ping!({ signal: {} }), ['options', 'signal'])
    await refused(() => c().ping!({ headers: 5 }), ['options', 'headers'])
    await refused(() => c().ping!({ headers: { 'x-n': 1 } }), ['options', 'headers', 'x-n'])
  })

  it('ifExists / ifNotExists must be booleans', async () => {
    await refused(() => c().deleteHwm!(1, { ifExists: 'yes' }), ['options', 'ifExists'])
    await refused(() => c().createNamespace!({ name: 'n' }, { ifNotExists: 1 }), ['options', 'ifNotExists'])
  })

  it('iterate options: maxPages and concurrency are positive integers', async () => {
    const drain = async (it: AsyncIterable<unknown>) => {
      for await (const _ of it) void _
    }
    await refused(() => drain(client.iterateNamespaces({}, { concurrency: 0 })), ['options', 'concurrency'])
    await refused(() => drain(client.iterateNamespaces({}, { maxPages: -1 })), ['options', 'maxPages'])
    await refused(() => drain(client.iterateNamespaces({}, null as never)), ['options'])
    await refused(() => drain(client.iterateNamespaces(null as never)), ['query'])
  })

  it('authorize() checks its options too', async () => {
    await refused(() => client.authorize(null as never), ['options'])
    await refused(() => client.authorize({ signal: 1 } as never), ['options', 'signal'])
  })

  it('undefined options and a real signal are fine', async () => {
    await expect(c().ping!(undefined)).resolves.toEqual({ status: 'ok' })
    await expect(client.ping({ signal: new AbortController().signal, headers: { 'x-a': 'b' } })).resolves.toEqual({
      status: 'ok',
    })
  })

  it('a client without a baseUrl is refused when made', () => {
    expect(() => new HorizonClient({} as never)).toThrow(RequestValidationError)
    expect(() => new HorizonClient(null as never)).toThrow(RequestValidationError)
  })
})
