import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unauthorized } from './errors'
import { type Client, claims, connect, uniq } from './http'
import { adminUser, noAdmin, startTarget, type Target } from './target'

describe('users: GET /v1/users/me', () => {
  let t: Target
  let h: Client
  beforeAll(async () => {
    t = await startTarget()
    h = connect(t.baseUrl)
  })
  afterAll(() => t.close())

  it('answers {id, username} for a regular user, without is_admin', async () => {
    const username = uniq('user')
    const login = await h.login(username)
    const res = await h.api(login.body.access_token).get('/v1/users/me')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.body).toStrictEqual({ id: claims(login.body.access_token).user_id, username })
  })

  it('keeps the username as given (case, dots, dashes, unicode)', async () => {
    const username = `${uniq('User')}.Dot-dash_ü`
    const me = await (await h.as(username)).get('/v1/users/me')
    expect(me.body.username).toBe(username)
  })

  it.skipIf(noAdmin)('adds is_admin: true for a superadmin', async () => {
    const login = await h.login(adminUser!)
    const res = await h.api(login.body.access_token).get('/v1/users/me')
    expect(res.status).toBe(200)
    expect(res.body).toStrictEqual({ id: claims(login.body.access_token).user_id, username: adminUser, is_admin: true })
  })

  it('answers 401 without a token', async () => {
    const res = await h.api().get('/v1/users/me')
    expect(res.status).toBe(401)
    expect(res.body).toEqual(unauthorized('Not authenticated'))
  })
})
