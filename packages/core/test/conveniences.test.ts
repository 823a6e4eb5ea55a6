import { describe, expect, it } from 'vitest'
import { EntityAlreadyExistsError, EntityNotFoundError, type RequestInfo } from '../src/index.js'
import { isRemote, uniq, useTarget } from './server.js'

describe('beyond the Python client', () => {
  const t = useTarget()

  it('createNamespace({ ifNotExists }) answers the existing namespace on 409', async () => {
    const c = t.client()
    const name = uniq('idem')
    const first = await c.createNamespace({ name })
    expect(await c.createNamespace({ name }, { ifNotExists: true })).toEqual(first)
    await expect(c.createNamespace({ name })).rejects.toBeInstanceOf(EntityAlreadyExistsError)
  })

  it('deleteHwm / deleteNamespace ({ ifExists }) succeed on 404', async () => {
    const c = t.client()
    await expect(c.deleteHwm(987654321, { ifExists: true })).resolves.toBeUndefined()
    await expect(c.deleteNamespace(987654321, { ifExists: true })).resolves.toBeUndefined()
    await expect(c.deleteHwm(987654321)).rejects.toBeInstanceOf(EntityNotFoundError)
  })

  it('headers go on every request; per-call headers add to them', async () => {
    const c = t.client('alice', { headers: { 'x-request-id': 'from-client' } })
    const seen: string[] = []
    const traced = c.with({ hooks: { onResponse: (e) => void seen.push(e.requestId ?? '') } })
    await traced.whoami()
    await traced.whoami({ headers: { 'x-request-id': 'from-call' } })
    expect(seen.slice(-2)).toEqual(['from-client', 'from-call'])
  })

  it('hooks see requests, responses, retries and errors', async () => {
    const events: string[] = []
    const requests: RequestInfo[] = []
    const c = t.client('alice', {
      retry: { total: 1, backoffFactor: 0 },
      hooks: {
        onRequest: (e) => {
          requests.push(e.request)
          events.push(`request ${e.request.method} ${new URL(e.request.url).pathname} #${e.attempt}`)
        },
        onResponse: (e) => void events.push(`response ${e.status}`),
        onRetry: (e) => void events.push(`retry ${e.reason}`),
        onError: (e) => void events.push(`error ${e.error.name}`),
      },
    })
    await c.whoami()
    if (!isRemote) t.server!.faults.add({ path: '/v1/users/me', kind: 'status', status: 503 })
    await c.whoami()
    await c.getHwm(987654321).catch(() => {})
    expect(events).toContain('request POST /v1/auth/token #1')
    expect(events).toContain('error EntityNotFoundError')
    if (!isRemote) expect(events).toEqual(expect.arrayContaining(['response 503', 'retry 503']))
  })

  it('an injected fetch is used for every request', async () => {
    let n = 0
    const c = t.client('alice', {
      fetch: (input, init) => {
        n++
        return fetch(input, init)
      },
    })
    await c.whoami()
    expect(n).toBe(2)
  })
})
