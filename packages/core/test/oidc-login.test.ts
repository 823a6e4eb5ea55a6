/**
 * `OidcLogin`, the browser's sign-in, driven from Node against a real oidc-provider on 127.0.0.1
 * (public client, PKCE): sessionStorage is the one browser part Node lacks, given by a Map-backed
 * shim; navigation is captured instead of leaving the page.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { OidcError, OidcLogin, type OidcLoginOptions } from '../src/entries/oidc.js'
import { HorizonClient } from '../src/index.js'
import { installSessionStorage, type MemoryStorage } from './oidc/memory-storage.js'
import {
  ACCESS_TOKEN_TTL,
  POST_LOGOUT,
  REDIRECT,
  RESOURCE,
  SPA,
  startProvider,
  type TestProvider,
} from './oidc/provider.js'
import { countingFetch, jwtClaims, leaked } from './oidc/secrets.js'
import { authorize } from './oidc/user-agent.js'
import { rawServer } from './support.js'

let provider: TestProvider
let storage: MemoryStorage
beforeAll(async () => {
  provider = await startProvider()
})
afterAll(() => provider?.close())
beforeEach(() => {
  storage = installSessionStorage()
})
afterEach(() => {
  vi.useRealTimers()
})

const offline = { scope: 'openid profile offline_access', prompt: 'consent' }
const newLogin = (more: Partial<OidcLoginOptions> = {}) =>
  new OidcLogin({
    issuer: provider.issuer,
    clientId: SPA,
    redirectUri: REDIRECT,
    postLogoutRedirectUri: POST_LOGOUT,
    ...more,
  })

/** `signIn` with navigation captured: answers the authorization URL it went to. */
async function signIn(login: OidcLogin, returnTo = '/hwm/5'): Promise<URL> {
  let went: string | undefined
  await login.signIn({
    returnTo,
    navigate: (url) => {
      went = url
    },
  })
  return new URL(went!)
}

/** A whole sign-in as `Alice`: signIn, the provider's pages, handleCallback. */
async function signedIn(login: OidcLogin): Promise<{ callbackUrl: string; returnTo: string }> {
  const callbackUrl = await authorize(await signIn(login), { login: 'Alice', redirectUri: REDIRECT })
  const { returnTo } = await login.handleCallback(callbackUrl)
  return { callbackUrl, returnTo }
}

const failure = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => {
      throw new Error('expected a rejection')
    },
    (e: unknown) => e,
  )

/** The one stored transaction's fields (it must survive the redirect; it holds no token). */
const storedTransaction = () => {
  const entries = storage.entries()
  expect(entries).toHaveLength(1)
  const [key, value] = entries[0]!
  expect(key).toBe(`horizon-oidc:${provider.issuer}:${SPA}:transaction`)
  return JSON.parse(value) as Record<string, string>
}

describe('OidcLogin: signing a browser app in', () => {
  it('signs in: PKCE + state + nonce in sessionStorage during the redirect only, tokens in memory only', async () => {
    const login = newLogin({ resource: RESOURCE, scope: 'openid profile hwm' })
    expect(login.signedIn).toBe(false)
    expect(login.header()).toBeUndefined()
    const url = await signIn(login)
    const transaction = storedTransaction()
    expect(Object.keys(transaction).sort()).toEqual(['codeVerifier', 'nonce', 'returnTo', 'state'])
    expect(url.searchParams.get('state')).toBe(transaction.state)
    expect(url.searchParams.get('nonce')).toBe(transaction.nonce)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('client_id')).toBe(SPA)

    const callbackUrl = await authorize(url, { login: 'Alice', redirectUri: REDIRECT })
    expect(await login.handleCallback(callbackUrl)).toEqual({ returnTo: '/hwm/5' })
    expect(storage.entries()).toEqual([]) // transaction used up; memory storage keeps no token
    expect(login.signedIn).toBe(true)
    expect(login.user).toBe('alice')
    expect(login.claims).toMatchObject({ sub: 'Alice', name: 'Alice of the tests' })
    const header = await login.header()
    expect(header).toMatch(/^Bearer ey/)
    expect(jwtClaims(header!.slice('Bearer '.length))).toMatchObject({ aud: RESOURCE, sub: 'Alice', client_id: SPA })

    // the callback cannot be used twice
    expect(await failure(login.handleCallback(callbackUrl))).toMatchObject({ code: 'no_transaction' })
  })

  it('names the Horizon user by `userClaim`, else by `sub`', async () => {
    const byName = newLogin({ userClaim: 'name' })
    await signedIn(byName)
    expect(byName.user).toBe('Alice of the tests')
    const bySub = newLogin({ userClaim: 'employee_number' })
    await signedIn(bySub)
    expect(bySub.user).toBe('Alice')
  })

  it("storage: 'session' keeps the tokens for a reload of the tab, and forgets them on sign-out", async () => {
    const login = newLogin({ storage: 'session' })
    await signedIn(login)
    const [entry] = storage.entries()
    expect(entry?.[0]).toBe(`horizon-oidc:${provider.issuer}:${SPA}:tokens`)
    const reloaded = newLogin({ storage: 'session' })
    expect(reloaded.signedIn).toBe(true)
    expect(reloaded.user).toBe('alice')
    expect(await reloaded.header()).toBe(await login.header())
    expect(newLogin().signedIn).toBe(false) // memory storage reads nothing from there
    await reloaded.signOut({ navigate: () => {} })
    expect(storage.entries()).toEqual([])
  })

  it("a tampered state is 'state_mismatch', a replayed ID token (other nonce) 'nonce_mismatch', a refusal 'provider_error'", async () => {
    const login = newLogin()
    const callbackUrl = new URL(await authorize(await signIn(login), { login: 'Alice', redirectUri: REDIRECT }))
    callbackUrl.searchParams.set('state', 'forged-by-someone-else')
    const stateError = await failure(login.handleCallback(callbackUrl))
    expect(stateError).toBeInstanceOf(OidcError)
    expect(stateError).toMatchObject({ code: 'state_mismatch' })
    expect(storage.entries()).toEqual([]) // used up even so: the flow starts over

    const url = await signIn(login)
    const key = storage.entries()[0]![0]
    storage.setItem(key, JSON.stringify({ ...storedTransaction(), nonce: 'the-nonce-of-another-sign-in' }))
    const nonceError = await failure(
      login.handleCallback(await authorize(url, { login: 'Alice', redirectUri: REDIRECT })),
    )
    expect(nonceError).toMatchObject({ code: 'nonce_mismatch' })

    const refused = await authorize(await signIn(login), { login: 'Alice', redirectUri: REDIRECT, abort: true })
    expect(await failure(login.handleCallback(refused))).toMatchObject({
      code: 'provider_error',
      error: 'access_denied',
      description: 'End-User aborted interaction',
    })
    expect(login.signedIn).toBe(false)
  })

  it('renews before expiry with the refresh token, one renewal for concurrent callers (the provider rotates it)', async () => {
    const { fetch, count } = countingFetch()
    const login = newLogin({ ...offline, fetch })
    await signedIn(login)
    vi.useFakeTimers({ toFake: ['Date'] })
    const first = await login.header()
    vi.setSystemTime(Date.now() + (ACCESS_TOKEN_TTL - 20) * 1000) // within the 30 s skew
    const headers = await Promise.all([login.header(), login.header(), login.header(), login.header()])
    expect(count.refresh).toBe(1) // one renewal: a second use of the rotated refresh token would be refused
    expect(new Set(headers).size).toBe(1)
    expect(headers[0]).not.toBe(first)
    // the rotated refresh token renews again
    vi.setSystemTime(Date.now() + (ACCESS_TOKEN_TTL - 20) * 1000)
    const third = await login.header()
    expect(count.refresh).toBe(2)
    expect(third).not.toBe(headers[0])
    expect(login.user).toBe('alice')
  })

  it("a refresh token the provider refuses signs out ('refresh_failed'): no header", async () => {
    const login = newLogin({ ...offline, storage: 'session' })
    await signedIn(login)
    const copy = storage.entries()[0]! // another tab's copy, say, of the same refresh token
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + (ACCESS_TOKEN_TTL - 10) * 1000)
    await login.header() // renews: the provider rotates the refresh token
    storage.setItem(copy[0], copy[1])
    const stale = newLogin({ ...offline, storage: 'session' })
    const reasons: string[] = []
    stale.onSignedOut((reason) => reasons.push(reason))
    expect(await stale.header()).toBeUndefined()
    expect(reasons).toEqual(['refresh_failed'])
    expect(stale.signedIn).toBe(false)
  })

  it('expired without a refresh token: header undefined and "signed out" reported, once', async () => {
    const login = newLogin()
    await signedIn(login)
    const reasons: string[] = []
    const stop = login.onSignedOut((reason) => reasons.push(reason))
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + (ACCESS_TOKEN_TTL + 1) * 1000)
    expect(login.signedIn).toBe(false)
    expect(await login.header()).toBeUndefined()
    expect(await login.header()).toBeUndefined()
    expect(reasons).toEqual(['expired'])
    stop()
    expect(login.toJSON()).toMatchObject({ signedIn: false })
  })

  it('through HorizonClient: sends the bearer, and after a 401 renews once and retries', async () => {
    const login = newLogin(offline)
    await signedIn(login)
    let refusals = 1
    const horizon = await rawServer(() =>
      refusals-- > 0
        ? {
            status: 401,
            body: JSON.stringify({ error: { code: 'unauthorized', message: 'Token expired', details: null } }),
          }
        : { body: JSON.stringify({ id: 1, username: 'alice' }) },
    )
    try {
      const client = new HorizonClient({ baseUrl: horizon.url, auth: login })
      const before = await login.header()
      expect(await client.whoami()).toMatchObject({ username: 'alice' })
      const sent = horizon.requests.map((r) => r.headers.authorization)
      expect(sent[0]).toBe(before)
      expect(sent[1]).toMatch(/^Bearer /)
      expect(sent[1]).not.toBe(before)
      expect(sent).toHaveLength(2)
    } finally {
      await horizon.close()
    }
  })

  it('signOut forgets the tokens and goes to the end-session endpoint with id_token_hint and post_logout_redirect_uri', async () => {
    const login = newLogin()
    await signedIn(login)
    const reasons: string[] = []
    login.onSignedOut((reason) => reasons.push(reason))
    let went: string | undefined
    const answered = await login.signOut({
      navigate: (url) => {
        went = url
      },
    })
    const url = new URL(went!)
    expect(answered?.href).toBe(url.href)
    expect(url.origin).toBe(provider.issuer)
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(POST_LOGOUT)
    expect(url.searchParams.get('client_id')).toBe(SPA)
    expect(jwtClaims(url.searchParams.get('id_token_hint')!)).toMatchObject({ sub: 'Alice', aud: SPA })
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(200) // the provider's logout confirmation
    expect(login.signedIn).toBe(false)
    expect(await login.header()).toBeUndefined()
    expect(reasons).toEqual(['signed_out'])
  })

  it('reset() (HorizonClient.logout) forgets the tokens; toJSON and errors never show one', async () => {
    const login = newLogin(offline)
    const { callbackUrl } = await signedIn(login)
    const header = (await login.header())!
    const code = new URL(callbackUrl).searchParams.get('code') ?? undefined
    expect(JSON.parse(JSON.stringify(login))).toEqual({
      type: 'OidcLogin',
      issuer: provider.issuer,
      user: 'alice',
      signedIn: true,
    })
    const secrets = [header.slice('Bearer '.length), code]
    expect(leaked(login, secrets)).toEqual([])
    // a second sign-in's failures: the code and verifier show nowhere
    const url = await signIn(login)
    const { codeVerifier } = storedTransaction()
    const again = new URL(await authorize(url, { login: 'Alice', redirectUri: REDIRECT }))
    again.searchParams.set('state', 'forged')
    const e = await failure(login.handleCallback(again))
    expect(leaked(e, [...secrets, again.searchParams.get('code') ?? undefined, codeVerifier])).toEqual([])
    login.reset()
    expect(login.signedIn).toBe(false)
    expect(await login.header()).toBeUndefined()
  })

  it("says where it cannot run: no sessionStorage is 'no_storage'", async () => {
    Reflect.deleteProperty(globalThis, 'sessionStorage')
    expect(await failure(newLogin().signIn({ navigate: () => {} }))).toMatchObject({ code: 'no_storage' })
  })
})
