import { describe, expect, it } from 'vitest'
import { checkResponse, responses } from '../src/entries/schemas.js'
import { operations } from '../src/horizon/operations.js'
import { HorizonClient, ResponseValidationError } from '../src/index.js'
import { json, scriptedFetch } from './support.js'

// A server answering off-schema (a scripted fault: a real Horizon never does it on purpose).
describe('validateResponses', () => {
  const hwm = { id: 1, namespace_id: 1, name: 'h', description: '', type: 't', value: 1, changed_at: 'x' }

  it('passes answers that match the OpenAPI schema', async () => {
    const s = scriptedFetch(json(200, hwm))
    const c = new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch, validateResponses: checkResponse })
    await expect(c.getHwm(1)).resolves.toEqual(hwm)
  })

  it('raises ResponseValidationError with details when an answer does not match', async () => {
    const s = scriptedFetch(json(200, { ...hwm, id: 'one', name: undefined }))
    const c = new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch, validateResponses: checkResponse })
    const e = (await c.getHwm(1).catch((x: unknown) => x)) as ResponseValidationError
    expect(e).toBeInstanceOf(ResponseValidationError)
    expect(e.details.map((d) => [d.location.join('.'), d.code])).toEqual([
      ['response.name', 'missing'],
      ['response.id', 'integer_type'],
    ])
  })

  it('`true` loads the schemas on first use and checks with them', async () => {
    const s = scriptedFetch(json(200, hwm), json(200, { ...hwm, value: undefined }))
    const c = new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch, validateResponses: true })
    await expect(c.getHwm(1)).resolves.toEqual(hwm)
    const e = (await c.getHwm(1).catch((x: unknown) => x)) as ResponseValidationError
    expect(e).toBeInstanceOf(ResponseValidationError)
    expect(e.details.map((d) => d.location.join('.'))).toEqual(['response.value'])
    expect(e.body).toEqual({ ...hwm, value: undefined })
  })

  it('any checker of the same shape stands in; without one nothing is checked', async () => {
    const seen: string[] = []
    const checker = (operation: string) => {
      seen.push(operation)
      return [{ location: ['response'], message: 'no', code: 'custom', context: {}, input: null }]
    }
    const s = scriptedFetch(json(200, { anything: true }))
    const checked = new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch, validateResponses: checker })
    await expect(checked.whoami()).rejects.toBeInstanceOf(ResponseValidationError)
    expect(seen).toEqual(['whoami'])
    const unchecked = new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch })
    await expect(unchecked.whoami()).resolves.toEqual({ anything: true })
  })

  it('checks pages item by item, and whoami for admins and others', () => {
    const { value: _, ...noValue } = hwm
    const page = { meta: { page: 1 }, items: [hwm, noValue] }
    expect(checkResponse('paginateHwm', page).map((d) => d.location.join('.'))).toContain('response.items.1.value')
    expect(checkResponse('whoami', { id: 1, username: 'u' })).toEqual([])
    expect(checkResponse('whoami', { id: 1, username: 'u', is_admin: true })).toEqual([])
    expect(checkResponse('deleteHwm', undefined)).toEqual([])
  })
})

describe('responses: the success answer of every route, by method and path (generated)', () => {
  it('names the schema or the 204 of a route', () => {
    expect(responses['GET /v1/hwm/{hwm_id}']).toEqual({ status: 200, schema: { $ref: 'HWMResponseV1' } })
    expect(responses['POST /v1/hwm/']).toEqual({ status: 201, schema: { $ref: 'HWMResponseV1' } })
    expect(responses['DELETE /v1/hwm/{hwm_id}']).toEqual({ status: 204 })
  })

  it('has the route of every operation row, so checkResponse finds each schema by the row', () => {
    for (const [name, row] of Object.entries(operations))
      expect(responses[`${row.method} ${row.path}`], `${name}: ${row.method} ${row.path}`).toBeDefined()
  })

  it('a row whose route the document does not have is a loud unknown_operation, not a pass', () => {
    const rows = operations as unknown as Record<string, unknown>
    rows.getHwmStats = { ...operations.getHwm, path: '/v1/hwm/{hwm_id}/stats' }
    try {
      expect(checkResponse('getHwmStats', {}).map((i) => [i.code, i.context])).toEqual([
        ['unknown_operation', { operation: 'getHwmStats' }],
      ])
    } finally {
      delete rows.getHwmStats
    }
    expect(checkResponse('toString', {})[0]?.code).toBe('unknown_operation')
  })
})
