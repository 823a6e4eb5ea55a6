/** The client's auth is kept once, and observable: `onAuthChange` tells who the client now calls as. */
import { describe, expect, it } from 'vitest'
import { AccessToken, HorizonClient, LoginPassword } from '../src/index.js'

describe('client.onAuthChange', () => {
  it('fires on setAuth with the new strategy, until unsubscribed; one copy of the auth', () => {
    const alice = new LoginPassword({ login: 'alice', password: 'x' })
    const client = new HorizonClient({ baseUrl: 'http://127.0.0.1:9', auth: alice })
    const seen: unknown[] = []
    const off = client.onAuthChange((auth) => seen.push(auth))
    const bob = new LoginPassword({ login: 'bob', password: 'x' })
    client.setAuth(bob)
    client.setAuth(undefined)
    off()
    client.setAuth(alice)
    expect(seen).toEqual([bob, undefined])
    // the transport sends with what the client reports
    expect(client.transport.options.auth).toBe(client.options.auth)
    expect(client.options.auth).toBe(alice)
  })

  it('a with() copy keeps its own auth and listeners; the parent is not told of the copy', () => {
    const client = new HorizonClient({ baseUrl: 'http://127.0.0.1:9' })
    const copy = client.with({ headers: { 'x-a': '1' } })
    const seen: string[] = []
    client.onAuthChange(() => seen.push('parent'))
    copy.onAuthChange(() => seen.push('copy'))
    copy.setAuth(new AccessToken('x.eyJleHAiOjQxMDI0NDQ4MDB9.x'))
    expect(seen).toEqual(['copy'])
    expect(client.options.auth).toBeUndefined()
  })

  it('a listener that throws does not stop the others or setAuth', () => {
    const client = new HorizonClient({ baseUrl: 'http://127.0.0.1:9' })
    const seen: string[] = []
    client.onAuthChange(() => {
      throw new Error('boom')
    })
    client.onAuthChange(() => seen.push('second'))
    expect(() => client.setAuth(undefined)).not.toThrow()
    expect(seen).toEqual(['second'])
  })
})
