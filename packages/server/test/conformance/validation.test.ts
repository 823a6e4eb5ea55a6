import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invalid, issue, missing, unauthorized, valueError } from './errors'
import { type Api, type Client, connect, createHwm, createNamespace, type Json, uniq } from './http'
import { startTarget, type Target } from './target'

const intParsing = (location: Array<string | number>, input: string) =>
  issue(location, 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer', input)
const gt0 = (field: string, input: string) =>
  issue(['query', field], 'greater_than', 'Input should be greater than 0', input, { gt: 0 })
const le50 = (input: string) =>
  issue(['query', 'page_size'], 'less_than_equal', 'Input should be less than or equal to 50', input, { le: 50 })
const tooShort = (location: Array<string | number>) =>
  issue(location, 'string_too_short', 'String should have at least 1 character', '', { min_length: 1 })
const tooLong = (location: Array<string | number>, input: string, max: number) =>
  issue(location, 'string_too_long', `String should have at most ${max} characters`, input, { max_length: max })

describe('validation: 422 invalid_request items', () => {
  let t: Target
  let h: Client
  let alice: Api
  let ns: Json
  let hwm: Json
  beforeAll(async () => {
    t = await startTarget()
    h = connect(t.baseUrl)
    alice = await h.as(uniq('alice'))
    ns = await createNamespace(alice)
    hwm = await createHwm(alice, ns.id)
  })
  afterAll(() => t.close())

  const expect422 = async (res: Promise<{ status: number; body: Json; text: string }>, ...items: Json[]) => {
    const r = await res
    expect(r.status, r.text).toBe(422)
    expect(r.body).toEqual(invalid(...items))
  }

  it.each([
    ['page=0', [gt0('page', '0')]],
    ['page=-1', [gt0('page', '-1')]],
    ['page=abc', [intParsing(['query', 'page'], 'abc')]],
    ['page=1.5', [intParsing(['query', 'page'], '1.5')]],
    ['page_size=0', [gt0('page_size', '0')]],
    ['page_size=-1', [gt0('page_size', '-1')]],
    ['page_size=51', [le50('51')]],
    ['page_size=abc', [intParsing(['query', 'page_size'], 'abc')]],
    ['page=0&page_size=51', [gt0('page', '0'), le50('51')]],
  ])('GET /v1/namespaces/?%s', async (query, items) => {
    await expect422(alice.get(`/v1/namespaces/?${query}`), ...items)
  })

  it('checks page and page_size on every list route', async () => {
    for (const route of [
      `/v1/hwm/?namespace_id=${ns.id}&`,
      `/v1/hwm-history/?hwm_id=${hwm.id}&`,
      `/v1/namespace-history/?namespace_id=${ns.id}&`,
    ]) {
      await expect422(alice.get(`${route}page_size=51`), le50('51'))
      await expect422(alice.get(`${route}page_size=0`), gt0('page_size', '0'))
      await expect422(alice.get(`${route}page=0`), gt0('page', '0'))
      expect((await alice.get(`${route}page_size=50&page=1`)).status).toBe(200)
    }
  })

  it('reports missing and non-integer required query parameters', async () => {
    await expect422(alice.get('/v1/hwm/'), missing(['query', 'namespace_id']))
    await expect422(alice.get('/v1/hwm/?page=0'), gt0('page', '0'), missing(['query', 'namespace_id']))
    await expect422(alice.get('/v1/hwm/?namespace_id=abc'), intParsing(['query', 'namespace_id'], 'abc'))
    await expect422(alice.get('/v1/hwm-history/'), missing(['query', 'hwm_id']))
    await expect422(alice.get('/v1/hwm-history/?hwm_id=x'), intParsing(['query', 'hwm_id'], 'x'))
    await expect422(alice.get('/v1/namespace-history/'), missing(['query', 'namespace_id']))
  })

  it('checks the length of the name filters', async () => {
    await expect422(alice.get('/v1/namespaces/?name='), tooShort(['query', 'name']))
    const n257 = 'n'.repeat(257)
    await expect422(alice.get(`/v1/namespaces/?name=${n257}`), tooLong(['query', 'name'], n257, 256))
    await expect422(alice.get(`/v1/hwm/?namespace_id=${ns.id}&name=`), tooShort(['query', 'name']))
    const n2049 = 'n'.repeat(2049)
    await expect422(alice.get(`/v1/hwm/?namespace_id=${ns.id}&name=${n2049}`), tooLong(['query', 'name'], n2049, 2048))
  })

  it('reports non-integer path ids', async () => {
    await expect422(alice.get('/v1/namespaces/abc'), intParsing(['path', 'namespace_id'], 'abc'))
    await expect422(
      alice.patch('/v1/namespaces/abc', { description: 'x' }),
      intParsing(['path', 'namespace_id'], 'abc'),
    )
    await expect422(alice.delete('/v1/namespaces/abc'), intParsing(['path', 'namespace_id'], 'abc'))
    await expect422(alice.get('/v1/namespaces/abc/permissions'), intParsing(['path', 'namespace_id'], 'abc'))
    await expect422(alice.get('/v1/hwm/abc'), intParsing(['path', 'hwm_id'], 'abc'))
    await expect422(alice.get('/v1/hwm/1.5'), intParsing(['path', 'hwm_id'], '1.5'))
    await expect422(alice.patch('/v1/hwm/abc', { value: 1 }), intParsing(['path', 'hwm_id'], 'abc'))
    await expect422(alice.delete('/v1/hwm/abc'), intParsing(['path', 'hwm_id'], 'abc'))
  })

  it('checks namespace bodies', async () => {
    await expect422(alice.post('/v1/namespaces/', {}), missing(['body', 'name'], {}))
    await expect422(
      alice.post('/v1/namespaces/', { description: 'd' }),
      missing(['body', 'name'], { description: 'd' }),
    )
    await expect422(alice.post('/v1/namespaces/'), missing(['body']))
    await expect422(alice.post('/v1/namespaces/', { name: '' }), tooShort(['body', 'name']))
    const n257 = uniq('ns').padEnd(257, 'x')
    await expect422(alice.post('/v1/namespaces/', { name: n257 }), tooLong(['body', 'name'], n257, 256))
    await expect422(
      alice.post('/v1/namespaces/', { name: 123 }),
      issue(['body', 'name'], 'string_type', 'Input should be a valid string', 123),
    )
    const empty = 'At least one field must be set.'
    await expect422(alice.patch(`/v1/namespaces/${ns.id}`, {}), valueError(['body'], empty, {}))
    await expect422(alice.patch(`/v1/namespaces/${ns.id}`, { owner: 'x' }), valueError(['body'], empty, { owner: 'x' }))
    await expect422(alice.patch(`/v1/namespaces/${ns.id}`, { name: '' }), tooShort(['body', 'name']))
  })

  it('checks HWM bodies', async () => {
    await expect422(
      alice.post('/v1/hwm/', {}),
      missing(['body', 'namespace_id'], {}),
      missing(['body', 'name'], {}),
      missing(['body', 'type'], {}),
      missing(['body', 'value'], {}),
    )
    const partial = { namespace_id: ns.id, name: uniq('hwm') }
    await expect422(
      alice.post('/v1/hwm/', partial),
      missing(['body', 'type'], partial),
      missing(['body', 'value'], partial),
    )
    const base = { namespace_id: ns.id, name: uniq('hwm'), type: 't', value: 1 }
    await expect422(
      alice.post('/v1/hwm/', { ...base, name: '', type: '' }),
      tooShort(['body', 'name']),
      tooShort(['body', 'type']),
    )
    const n2049 = uniq('hwm').padEnd(2049, 'x')
    await expect422(alice.post('/v1/hwm/', { ...base, name: n2049 }), tooLong(['body', 'name'], n2049, 2048))
    const t65 = 't'.repeat(65)
    await expect422(alice.post('/v1/hwm/', { ...base, type: t65 }), tooLong(['body', 'type'], t65, 64))
    await expect422(
      alice.post('/v1/hwm/', { ...base, namespace_id: 'abc' }),
      intParsing(['body', 'namespace_id'], 'abc'),
    )
    const empty = 'At least one field must be set.'
    await expect422(alice.patch(`/v1/hwm/${hwm.id}`, {}), valueError(['body'], empty, {}))
    // namespace_id cannot be changed: it is ignored, so nothing is set
    await expect422(
      alice.patch(`/v1/hwm/${hwm.id}`, { namespace_id: 5 }),
      valueError(['body'], empty, { namespace_id: 5 }),
    )
    await expect422(alice.patch(`/v1/hwm/${hwm.id}`, { name: '' }), tooShort(['body', 'name']))
    await expect422(alice.patch(`/v1/hwm/${hwm.id}`, { type: t65 }), tooLong(['body', 'type'], t65, 64))
    expect((await alice.get(`/v1/hwm/${hwm.id}`)).body).toStrictEqual(hwm)
  })

  it('validates before looking anything up, but after authenticating', async () => {
    await expect422(alice.patch('/v1/hwm/999999999', {}), valueError(['body'], 'At least one field must be set.', {}))
    const bob = await h.as(uniq('bob'))
    await expect422(
      bob.patch(`/v1/namespaces/${ns.id}`, {}),
      valueError(['body'], 'At least one field must be set.', {}),
    )
    const anon = await h.api().patch(`/v1/hwm/${hwm.id}`, {})
    expect(anon.status).toBe(401)
    expect(anon.body).toEqual(unauthorized('Not authenticated'))
    const anonQuery = await h.api().get('/v1/namespaces/?page_size=51')
    expect(anonQuery.status).toBe(401)
  })
})
