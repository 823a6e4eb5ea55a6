import { describe, expect, it } from 'vitest'
import { AccessToken, AuthorizationError, BearerToken, HorizonClient } from '../src/index.js'
import { json, jwt, scriptedFetch } from './support.js'

const now = () => Math.floor(Date.now() / 1000)

describe('AccessToken', () => {
  it('reads exp and user_id without checking the signature', () => {
    const exp = now() + 3600
    const token = new AccessToken(jwt({ user_id: 7, exp }))
    expect(token.expiresAt).toBe(exp)
    expect(token.user).toBe('id:7')
  })
  it('refuses a token without exp, or already expired, or not a JWT', () => {
    expect(() => new AccessToken(jwt({ user_id: 1 }))).toThrow(AuthorizationError)
    expect(() => new AccessToken(jwt({ user_id: 1 }))).toThrow('Missing expiration time in token')
    expect(() => new AccessToken(jwt({ exp: now() - 1 }))).toThrow('Access token is expired')
    expect(() => new AccessToken('not-a-jwt')).toThrow(AuthorizationError)
  })
  it('sends Authorization: Bearer <token>', async () => {
    const token = jwt({ user_id: 1, exp: now() + 60 })
    const s = scriptedFetch(json(200, { id: 1, username: 'u' }))
    await new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch, auth: new AccessToken(token) }).whoami()
    expect(s.calls[0]?.headers.get('authorization')).toBe(`Bearer ${token}`)
  })
})

describe('BearerToken', () => {
  it('takes a scheme and a token function asked before every request', async () => {
    let n = 0
    const s = scriptedFetch(json(200, { id: 1, username: 'u' }))
    const client = new HorizonClient({
      baseUrl: 'http://h',
      fetch: s.fetch,
      auth: new BearerToken(() => `t${++n}`, { scheme: 'Bearer+OIDC' }),
    })
    await client.whoami()
    await client.whoami()
    expect(s.calls.map((c) => c.headers.get('authorization'))).toEqual(['Bearer+OIDC t1', 'Bearer+OIDC t2'])
  })
  it('serialises without its token', () => {
    expect(JSON.stringify(new BearerToken('secret'))).not.toContain('secret')
  })
})
