import { describe, expect, it } from 'vitest'
import { HorizonClient, LoginPassword, RequestValidationError } from '../src/index.js'
import { scriptedFetch } from './support.js'

describe('dry mode', () => {
  const s = scriptedFetch()
  const client = new HorizonClient({
    baseUrl: 'https://host/api/',
    fetch: s.fetch,
    auth: new LoginPassword({ login: 'me', password: 'secret-password' }),
    headers: { 'x-team': 'etl' },
  })

  it('shows the exact request, token redacted, and sends nothing', async () => {
    const preview = await client.dry.updateHwm(5, { value: { a: 1 } }, { headers: { 'x-request-id': 'r1' } })
    expect(preview).toEqual({
      dryRun: true,
      method: 'PATCH',
      url: 'https://host/api/v1/hwm/5',
      headers: {
        accept: 'application/json',
        'x-team': 'etl',
        'x-request-id': 'r1',
        authorization: 'Bearer [REDACTED]',
      },
      body: { value: { a: 1 } },
    })
    expect(s.calls).toHaveLength(0)
  })

  it('keeps the path prefix, the trailing slash of collections and the query', async () => {
    expect((await client.dry.paginateHwm({ namespace_id: 3, name: 'a b', page_size: 50 })).url).toBe(
      'https://host/api/v1/hwm/?namespace_id=3&name=a+b&page_size=50',
    )
    expect((await client.dry.paginateNamespaces()).url).toBe('https://host/api/v1/namespaces/')
    expect((await client.dry.bulkDeleteHwm(3, [1, 2])).body).toEqual({ namespace_id: 3, hwm_ids: [1, 2] })
  })

  it('never shows the password of a login', async () => {
    const preview = await client.dry.login('me', 'secret-password')
    expect(preview.headers.authorization).toBeUndefined()
    expect(JSON.stringify(preview)).not.toContain('secret-password')
    expect(preview.body).toEqual({ grant_type: 'password', username: 'me', password: '[REDACTED]' })
  })

  it('validates like a real call', async () => {
    await expect(client.dry.getHwm(1.5)).rejects.toBeInstanceOf(RequestValidationError)
    expect(s.calls).toHaveLength(0)
  })
})
