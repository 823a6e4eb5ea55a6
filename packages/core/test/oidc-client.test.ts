/**
 * `createOidcClient` (a server's confidential client) and `OidcAuth` against a real oidc-provider on
 * 127.0.0.1: the whole code flow driven with fetch, the refusals (state, nonce, provider error,
 * client secret), renewal, and that no token, code or secret ever shows in an error or in JSON.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createOidcClient, OidcAuth, type OidcClientOptions, OidcError } from '../src/entries/oidc.js'
import {
  ACCESS_TOKEN_TTL,
  POST_LOGOUT,
  REDIRECT,
  RESOURCE,
  SECRET,
  SSR,
  SSR_POST,
  startProvider,
  type TestProvider,
} from './oidc/provider.js'
import { countingFetch, jwtClaims, leaked } from './oidc/secrets.js'
import { authorize } from './oidc/user-agent.js'

let provider: TestProvider
beforeAll(async () => {
  provider = await startProvider()
})
afterAll(() => provider?.close())
afterEach(() => {
  vi.useRealTimers()
})

const confidential = (more: Partial<OidcClientOptions> = {}) =>
  createOidcClient({
    issuer: provider.issuer,
    clientId: SSR,
    clientSecret: SECRET,
    redirectUri: REDIRECT,
    postLogoutRedirectUri: POST_LOGOUT,
    ...more,
  })

/** Start, sign in as `login` at the provider, and answer the callback URL with the transaction. */
async function callback(oidc: ReturnType<typeof createOidcClient>, login = 'Alice', returnTo = '/hwm/5') {
  const { url, transaction } = await oidc.start(returnTo)
  return { url, transaction, callbackUrl: await authorize(url, { login, redirectUri: REDIRECT }) }
}

/** What an async step rejected with. */
const failure = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => {
      throw new Error('expected a rejection')
    },
    (e: unknown) => e,
  )

describe('the confidential client (a server with a client secret)', () => {
  it('runs the code flow: PKCE S256, state and nonce sent, tokens back with validated ID token claims', async () => {
    const { fetch, count } = countingFetch()
    const oidc = confidential({ fetch })
    const { url, transaction, callbackUrl } = await callback(oidc)
    expect(url.origin + url.pathname).toBe(`${provider.issuer}/auth`)
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: SSR,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid profile',
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    })
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(url.searchParams.get('code_challenge')).not.toBe(transaction.codeVerifier)
    expect(transaction.returnTo).toBe('/hwm/5')

    const tokens = await oidc.finish(transaction, callbackUrl)
    expect(tokens.accessToken).toEqual(expect.any(String))
    expect(tokens.claims).toMatchObject({
      sub: 'Alice',
      preferred_username: 'alice',
      aud: SSR,
      nonce: transaction.nonce,
    })
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() / 1000 + ACCESS_TOKEN_TTL - 5)
    expect(tokens.refreshToken).toBeUndefined() // no offline_access asked
    expect(count).toEqual({ discovery: 1, code: 1, refresh: 0 })
  })

  it('sends the secret in the form body with client_secret_post', async () => {
    const oidc = confidential({ clientId: SSR_POST, clientAuthMethod: 'client_secret_post' })
    const { transaction, callbackUrl } = await callback(oidc)
    expect((await oidc.finish(transaction, callbackUrl)).claims?.aud).toBe(SSR_POST)
  })

  it('with `resource`, the access token is a JWT for that audience, at sign-in and after a refresh', async () => {
    const oidc = confidential({ resource: RESOURCE, scope: 'openid profile offline_access hwm', prompt: 'consent' })
    const { url, transaction, callbackUrl } = await callback(oidc)
    expect(url.searchParams.get('resource')).toBe(RESOURCE)
    const tokens = await oidc.finish(transaction, callbackUrl)
    expect(jwtClaims(tokens.accessToken)).toMatchObject({
      aud: RESOURCE,
      sub: 'Alice',
      iss: provider.issuer,
      scope: 'hwm',
    })
    expect(tokens.refreshToken).toEqual(expect.any(String))

    const renewed = await oidc.refresh(tokens.refreshToken!, tokens)
    expect(renewed.accessToken).not.toBe(tokens.accessToken)
    expect(jwtClaims(renewed.accessToken)).toMatchObject({ aud: RESOURCE, sub: 'Alice' })
    expect(renewed.claims?.sub).toBe('Alice')
  })

  it("refuses a callback whose state was tampered with or dropped: 'state_mismatch', no code exchange", async () => {
    const { fetch, count } = countingFetch()
    const oidc = confidential({ fetch })
    const { transaction, callbackUrl } = await callback(oidc)
    const tampered = new URL(callbackUrl)
    tampered.searchParams.set('state', `${transaction.state.slice(0, -1)}x`)
    const dropped = new URL(callbackUrl)
    dropped.searchParams.delete('state')
    for (const url of [tampered, dropped]) {
      const e = await failure(oidc.finish(transaction, url))
      expect(e).toBeInstanceOf(OidcError)
      expect(e).toMatchObject({ code: 'state_mismatch', name: 'OidcError' })
    }
    expect(count.code).toBe(0)
  })

  it("refuses an ID token whose nonce is not the transaction's: 'nonce_mismatch'", async () => {
    const oidc = confidential()
    const { transaction, callbackUrl } = await callback(oidc)
    const e = await failure(oidc.finish({ ...transaction, nonce: 'another-sign-ins-nonce' }, callbackUrl))
    expect(e).toMatchObject({ code: 'nonce_mismatch' })
    expect((e as Error).message).toMatch(/nonce/)
  })

  it("turns the provider's error answer into 'provider_error' with its error and description", async () => {
    const oidc = confidential()
    const { url, transaction } = await oidc.start()
    const callbackUrl = await authorize(url, { login: 'Alice', redirectUri: REDIRECT, abort: true })
    expect(new URL(callbackUrl).searchParams.get('error')).toBe('access_denied')
    const e = await failure(oidc.finish(transaction, callbackUrl))
    expect(e).toMatchObject({
      code: 'provider_error',
      error: 'access_denied',
      description: 'End-User aborted interaction',
    })
    expect((e as Error).message).toBe(
      'The identity provider refused the sign-in: access_denied: End-User aborted interaction',
    )
  })

  it("a wrong client secret, or a code used twice, is 'token_failed' with the provider's error", async () => {
    const wrong = confidential({ clientSecret: 'not-the-secret' })
    const first = await callback(wrong)
    expect(await failure(wrong.finish(first.transaction, first.callbackUrl))).toMatchObject({
      code: 'token_failed',
      error: 'invalid_client',
      status: 401,
    })

    const oidc = confidential()
    const { transaction, callbackUrl } = await callback(oidc)
    await oidc.finish(transaction, callbackUrl)
    expect(await failure(oidc.finish(transaction, callbackUrl))).toMatchObject({
      code: 'token_failed',
      error: 'invalid_grant',
      status: 400,
    })
  })

  it('discovery: cached once, a failure is typed and tried again, plain http only for a loopback issuer', async () => {
    const { fetch, count } = countingFetch()
    const oidc = confidential({ fetch })
    await oidc.start()
    await oidc.start()
    await oidc.endSessionUrl()
    expect(count.discovery).toBe(1)

    const missing = confidential({ issuer: `${provider.issuer}/nowhere`, fetch })
    expect(await failure(missing.start())).toMatchObject({ code: 'discovery_failed' })
    expect(await failure(missing.start())).toMatchObject({ code: 'discovery_failed' })
    expect(count.discovery).toBe(3) // the failed one is not cached

    const unreachable = confidential({ issuer: 'http://127.0.0.1:9/' })
    const e = await failure(unreachable.start())
    expect(e).toMatchObject({ code: 'network_failed' })
    expect((e as Error).cause).toBeInstanceOf(TypeError)

    const insecure = confidential({ issuer: 'http://id.example.com/', fetch })
    expect(await failure(insecure.start())).toMatchObject({ code: 'discovery_failed' })
    expect(count.discovery).toBe(3) // refused before sending
  })

  it("builds the provider's end-session URL, and the provider accepts it", async () => {
    const oidc = confidential()
    const { transaction, callbackUrl } = await callback(oidc)
    const tokens = await oidc.finish(transaction, callbackUrl)
    const url = await oidc.endSessionUrl(tokens.idToken)
    expect(url?.origin).toBe(provider.issuer)
    expect(Object.fromEntries(url?.searchParams ?? [])).toEqual({
      id_token_hint: tokens.idToken,
      client_id: SSR,
      post_logout_redirect_uri: POST_LOGOUT,
    })
    const page = await fetch(url!, { redirect: 'manual' })
    expect(page.status).toBe(200) // the logout confirmation; a bad hint or redirect URI is a 400
    expect(await page.text()).toContain('logout')
    const bad = new URL(url!)
    bad.searchParams.set('post_logout_redirect_uri', 'http://127.0.0.1:5173/elsewhere')
    expect((await fetch(bad, { redirect: 'manual' })).status).toBe(400)
  })

  it('no token, code, verifier or secret shows in an error or a strategy, whatever the step', async () => {
    const oidc = confidential({ scope: 'openid profile offline_access', prompt: 'consent' })
    const { transaction, callbackUrl } = await callback(oidc)
    const code = new URL(callbackUrl).searchParams.get('code') ?? undefined
    const tampered = new URL(callbackUrl)
    tampered.searchParams.set('state', 'forged')
    const errors = [
      await failure(oidc.finish(transaction, tampered)),
      await failure(oidc.finish({ ...transaction, nonce: 'other' }, callbackUrl)),
    ]
    const fresh = await callback(oidc)
    const tokens = await oidc.finish(fresh.transaction, fresh.callbackUrl)
    const secondCode = new URL(fresh.callbackUrl).searchParams.get('code') ?? undefined
    errors.push(await failure(oidc.finish(fresh.transaction, fresh.callbackUrl)))
    errors.push(await failure(confidential({ clientSecret: 'wrong-secret' }).refresh(tokens.refreshToken!)))
    const secrets = [
      code,
      secondCode,
      transaction.codeVerifier,
      fresh.transaction.codeVerifier,
      tokens.accessToken,
      tokens.refreshToken,
      tokens.idToken,
      SECRET,
      'wrong-secret',
    ]
    for (const e of errors) {
      expect(e).toBeInstanceOf(OidcError)
      expect(leaked(e, secrets)).toEqual([])
    }
    const auth = new OidcAuth(oidc, { tokens })
    expect(JSON.parse(JSON.stringify(auth))).toEqual({
      type: 'OidcAuth',
      issuer: provider.issuer,
      user: 'alice',
      signedIn: true,
    })
    expect(leaked(auth, secrets)).toEqual([])
  })
})

describe('OidcAuth: the tokens of a server session as an AuthStrategy', () => {
  it('sends the bearer, renews before expiry with one refresh for concurrent calls, and hands the new tokens back', async () => {
    const { fetch, count } = countingFetch()
    const oidc = confidential({
      fetch,
      resource: RESOURCE,
      scope: 'openid profile offline_access hwm',
      prompt: 'consent',
    })
    const { transaction, callbackUrl } = await callback(oidc)
    vi.useFakeTimers({ toFake: ['Date'] })
    const tokens = await oidc.finish(transaction, callbackUrl)
    const kept: Array<string | undefined> = []
    const auth = new OidcAuth(oidc, { tokens, onTokens: (t) => kept.push(t?.accessToken) })
    expect(auth.user).toBe('alice')
    expect(await auth.header()).toBe(`Bearer ${tokens.accessToken}`)

    vi.setSystemTime(Date.now() + (ACCESS_TOKEN_TTL - 20) * 1000) // inside the 30 s skew
    const headers = await Promise.all([auth.header(), auth.header(), auth.header()])
    expect(count.refresh).toBe(1)
    expect(new Set(headers).size).toBe(1)
    expect(headers[0]).not.toBe(`Bearer ${tokens.accessToken}`)
    expect(kept).toEqual([headers[0]?.slice('Bearer '.length)])
    expect(jwtClaims(headers[0]!.slice(7))).toMatchObject({ aud: RESOURCE })
    expect(auth.signedIn).toBe(true)
  })

  it('expired without a refresh token: no header, and "signed out" reported once', async () => {
    const oidc = confidential()
    const { transaction, callbackUrl } = await callback(oidc)
    vi.useFakeTimers({ toFake: ['Date'] })
    const auth = new OidcAuth(oidc, { tokens: await oidc.finish(transaction, callbackUrl) })
    const reasons: string[] = []
    auth.onSignedOut((reason) => reasons.push(reason))
    vi.setSystemTime(Date.now() + (ACCESS_TOKEN_TTL - 20) * 1000)
    expect(await auth.header()).toMatch(/^Bearer /) // within the skew, but nothing to renew with: still valid
    vi.setSystemTime(Date.now() + 21_000)
    expect(auth.signedIn).toBe(false)
    expect(await auth.header()).toBeUndefined()
    expect(await auth.header()).toBeUndefined()
    expect(reasons).toEqual(['expired'])
    expect(auth.user).toBeUndefined()
  })

  it('after a 401: renews once with the refresh token; without one, answers false', async () => {
    const { fetch, count } = countingFetch()
    const offline = confidential({ fetch, scope: 'openid profile offline_access', prompt: 'consent' })
    const first = await callback(offline)
    const auth = new OidcAuth(offline, { tokens: await offline.finish(first.transaction, first.callbackUrl) })
    const rejected = await auth.header()
    expect(await auth.refresh(undefined, rejected)).toBe(true)
    expect(await auth.refresh(undefined, rejected)).toBe(true) // renewed since: no second refresh
    expect(count.refresh).toBe(1)
    expect(await auth.header()).not.toBe(rejected)

    const online = confidential()
    const second = await callback(online)
    const plain = new OidcAuth(online, { tokens: await online.finish(second.transaction, second.callbackUrl) })
    expect(await plain.refresh(undefined, await plain.header())).toBe(false)
    expect(plain.signedIn).toBe(true)
  })

  it('signOut forgets the tokens, reports it and answers the end-session URL with the ID token hint', async () => {
    const oidc = confidential()
    const { transaction, callbackUrl } = await callback(oidc)
    const tokens = await oidc.finish(transaction, callbackUrl)
    const kept: unknown[] = []
    const auth = new OidcAuth(oidc, { tokens, onTokens: (t) => kept.push(t) })
    const reasons: string[] = []
    auth.onSignedOut((reason) => reasons.push(reason))
    const url = await auth.signOut()
    expect(url?.searchParams.get('id_token_hint')).toBe(tokens.idToken)
    expect(await auth.header()).toBeUndefined()
    expect(reasons).toEqual(['signed_out'])
    expect(kept).toEqual([undefined])
  })
})
