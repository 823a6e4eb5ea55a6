import { describe, expect, it } from 'vitest'
import {
  AuthorizationError,
  BadRequestError,
  BearerToken,
  EntityAlreadyExistsError,
  EntityNotFoundError,
  HorizonClient,
  HorizonError,
  InternalServerError,
  InvalidRequestError,
  NetworkError,
  PermissionDeniedError,
  ServiceUnavailableError,
  UnexpectedResponseError,
} from '../src/index.js'
import { isRemote, uniq, useTarget } from './server.js'

const caught = async (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable('should have failed'),
    (e: unknown) => e,
  )

describe('typed errors from a real server', () => {
  const t = useTarget()

  it('404 EntityNotFoundError with entity, field, value, status, request and request id', async () => {
    const e = (await caught(t.client().getHwm(999999999))) as EntityNotFoundError
    expect(e).toBeInstanceOf(EntityNotFoundError)
    expect(e).toBeInstanceOf(HorizonError)
    expect(e.name).toBe('EntityNotFoundError')
    expect(e.message).toBe('HWM with id=999999999 not found')
    expect(e).toMatchObject({ entityType: 'HWM', field: 'id', value: 999999999, status: 404 })
    expect(e.request).toEqual({ method: 'GET', url: `${t.url}/v1/hwm/999999999` })
    expect(e.requestId).toMatch(/^\w{8,}$/)
  })

  it('409 EntityAlreadyExistsError', async () => {
    const c = t.client()
    const name = uniq('dup')
    await c.createNamespace({ name })
    const e = (await caught(c.createNamespace({ name }))) as EntityAlreadyExistsError
    expect(e).toBeInstanceOf(EntityAlreadyExistsError)
    expect(e.message).toBe(`Namespace with name='${name}' already exists`)
    expect(e).toMatchObject({ entityType: 'Namespace', field: 'name', value: name, status: 409 })
  })

  it('403 PermissionDeniedError with required and actual role', async () => {
    const ns = await t.client().createNamespace({ name: uniq('perm') })
    const e = (await caught(
      t.client('mallory').createHwm({ namespace_id: ns.id, name: 'x', type: 't', value: 1 }),
    )) as PermissionDeniedError
    expect(e).toBeInstanceOf(PermissionDeniedError)
    expect(e).toMatchObject({ requiredRole: 'DEVELOPER', actualRole: 'GUEST', status: 403 })
    expect(e.message).toBe('Permission denied. User has role GUEST but action requires at least DEVELOPER.')
  })

  it('400 BadRequestError', async () => {
    const c = t.client()
    const ns = await c.createNamespace({ name: uniq('busy') })
    await c.createHwm({ namespace_id: ns.id, name: 'h', type: 't', value: 1 })
    const e = await caught(c.deleteNamespace(ns.id))
    expect(e).toBeInstanceOf(BadRequestError)
    expect((e as Error).message).toBe('Cannot delete namespace because it has related HWM records.')
  })

  it('401 AuthorizationError for a bad token', async () => {
    const c = new HorizonClient({ baseUrl: t.url, auth: new BearerToken('not-a-jwt') })
    const e = await caught(c.whoami())
    expect(e).toBeInstanceOf(AuthorizationError)
    expect((e as Error).message).toBe('Invalid token')
  })

  it('422 InvalidRequestError carries the details when the client does not refuse first', async () => {
    // A raw transport call bypasses the client's own validation, so the server's 422 shows.
    const c = t.client()
    await c.whoami()
    const e = (await caught(
      c.transport.send({ method: 'GET', path: '/v1/namespaces/', query: { page_size: 51 } }),
    )) as InvalidRequestError
    expect(e).toBeInstanceOf(InvalidRequestError)
    expect(e.details).toEqual([
      {
        location: ['query', 'page_size'],
        message: 'Input should be less than or equal to 50',
        code: 'less_than_equal',
        context: { le: 50 },
        input: '51',
      },
    ])
  })

  it.skipIf(isRemote)('503 ServiceUnavailableError and 500 InternalServerError', async () => {
    const c = t.client()
    await c.whoami()
    t.server!.faults.add({ path: '/v1/users/me', kind: 'status', status: 503 })
    expect(await caught(c.whoami())).toBeInstanceOf(ServiceUnavailableError)
    t.server!.faults.add({ path: '/v1/users/me', kind: 'status', status: 500 })
    expect(await caught(c.whoami())).toBeInstanceOf(InternalServerError)
  })

  it('UnexpectedResponseError for FastAPI routing errors, HTML and truncated JSON, with an excerpt', async () => {
    const c = t.client()
    await c.whoami()
    const e404 = (await caught(c.transport.send({ method: 'GET', path: '/v1/nowhere' }))) as UnexpectedResponseError
    expect(e404).toBeInstanceOf(UnexpectedResponseError)
    expect(e404).toMatchObject({ status: 404, excerpt: '{"detail":"Not Found"}' })
    const e405 = (await caught(c.transport.send({ method: 'PUT', path: '/v1/hwm/1' }))) as UnexpectedResponseError
    expect(e405).toMatchObject({ status: 405, excerpt: '{"detail":"Method Not Allowed"}' })
    if (isRemote) return
    t.server!.faults.add({ path: '/v1/users/me', kind: 'html', status: 502 })
    const html = (await caught(c.whoami())) as UnexpectedResponseError
    expect(html).toBeInstanceOf(UnexpectedResponseError)
    expect(html.status).toBe(502)
    expect(html.excerpt).toMatch(/<html/i)
    t.server!.faults.add({ path: '/v1/users/me', kind: 'malformed' })
    const truncated = (await caught(c.whoami())) as UnexpectedResponseError
    expect(truncated).toBeInstanceOf(UnexpectedResponseError)
    expect(truncated.status).toBe(200)
  })

  it('NetworkError when nothing listens', async () => {
    const c = new HorizonClient({ baseUrl: 'http://127.0.0.1:9', retry: { total: 0 } })
    const e = await caught(c.ping())
    expect(e).toBeInstanceOf(NetworkError)
    expect((e as NetworkError).request).toEqual({ method: 'GET', url: 'http://127.0.0.1:9/monitoring/ping' })
  })
})
