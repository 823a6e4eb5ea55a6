import * as oauth from 'oauth4webapi'
import { OidcError, rethrow } from './errors.js'
import { type OidcTokens, readTokens } from './tokens.js'

/** How a client talks to one provider: who it is, where the provider sends the user back, what it asks for. */
export interface OidcClientOptions {
  /** the provider's issuer URL (its discovery document is `<issuer>/.well-known/openid-configuration`) */
  issuer: string | URL
  /** the client id registered at the provider */
  clientId: string
  /**
   * The client secret of a confidential client (a server); leave it out in a browser (a public
   * client, PKCE only).
   */
  clientSecret?: string
  /** how the secret is sent: HTTP Basic (default) or in the form body */
  clientAuthMethod?: 'client_secret_basic' | 'client_secret_post'
  /** the callback URL registered at the provider */
  redirectUri: string
  /** scopes asked for (default `'openid profile'`); add `offline_access` for a refresh token where the provider needs it */
  scope?: string
  /** the API the access token is for (RFC 8707 `resource`: the token's audience), sent at sign-in and renewal */
  resource?: string
  /** where the provider sends the user after a sign-out (registered at the provider) */
  postLogoutRedirectUri?: string
  /** the `prompt` of the authorization request (e.g. `'consent'`, which some providers need for `offline_access`) */
  prompt?: string
  /** more parameters of the authorization request (`login_hint`, `acr_values` …) */
  params?: Record<string, string>
  /** the fetch to use (default the global one) */
  fetch?: typeof fetch
}

/**
 * A sign-in in progress: what must survive the trip to the provider and back. It holds no token,
 * but its PKCE verifier is a secret until the callback: keep it where only this user's next
 * request can read it (a server session, an HttpOnly cookie), and use it once.
 */
export interface OidcTransaction {
  /** the `state` sent, checked against the callback's */
  state: string
  /** the `nonce` sent, checked against the ID token's */
  nonce: string
  /** the PKCE verifier whose S256 challenge was sent */
  codeVerifier: string
  /** where the app goes after the sign-in */
  returnTo: string
}

/**
 * The protocol steps of one client at one provider, for a server (confidential client, with
 * `clientSecret`) or a browser (public client): discovery (done once, cached), the authorization
 * URL, the callback, renewal and the sign-out URL. Every step uses Web APIs only.
 */
export interface OidcClient {
  /** the options it was made with (the secret included: do not log them) */
  readonly options: Readonly<OidcClientOptions>
  /**
   * The provider's metadata, discovered once (a failed discovery is tried again next time).
   * @example `(await oidc.metadata()).end_session_endpoint`
   */
  metadata(): Promise<oauth.AuthorizationServer>
  /**
   * Starts a sign-in: the URL to send the user to, and the transaction to keep until the callback.
   * @example `const { url, transaction } = await oidc.start('/hwm/5')`
   */
  start(returnTo?: string): Promise<{ url: URL; transaction: OidcTransaction }>
  /**
   * Finishes a sign-in from the callback URL: checks `state`, the provider's `error`, exchanges the
   * code (with the PKCE verifier) and validates the ID token (with the nonce).
   * @example `const tokens = await oidc.finish(transaction, request.url)`
   */
  finish(transaction: OidcTransaction, callbackUrl: string | URL): Promise<OidcTokens>
  /**
   * Renews with a refresh token; `previous` fills what the answer may leave out (the refresh token
   * when not rotated, the ID token).
   * @example `tokens = await oidc.refresh(tokens.refreshToken!, tokens)`
   */
  refresh(refreshToken: string, previous?: OidcTokens): Promise<OidcTokens>
  /**
   * The provider's sign-out URL (`end_session_endpoint` with `id_token_hint`, `client_id` and
   * `post_logout_redirect_uri`), or undefined when the provider has none.
   * @example `const url = await oidc.endSessionUrl(tokens.idToken)`
   */
  endSessionUrl(idToken?: string): Promise<URL | undefined>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * The OpenID Connect client for a server (a backend for frontend: pass `clientSecret`) or for
 * code of your own; `OidcLogin` is the browser's, built on it. Plain `http:` is accepted for a
 * loopback issuer only (a provider on this machine, in development and tests).
 * @example
 * ```ts
 * const oidc = createOidcClient({ issuer: 'https://id.example.com', clientId: 'horizon-ssr', clientSecret: 's3cret', redirectUri: 'https://app.example.com/callback' })
 * const { url, transaction } = await oidc.start('/hwm/5') // keep `transaction` in the session, redirect to `url`
 * const tokens = await oidc.finish(transaction, 'https://app.example.com/callback?code=…&state=…')
 * ```
 */
export function createOidcClient(options: OidcClientOptions): OidcClient {
  const issuer = new URL(options.issuer)
  const client: oauth.Client = { client_id: options.clientId }
  const secret = options.clientSecret
  const clientAuth =
    secret === undefined
      ? oauth.None()
      : options.clientAuthMethod === 'client_secret_post'
        ? oauth.ClientSecretPost(secret)
        : oauth.ClientSecretBasic(secret)
  const scope = options.scope ?? 'openid profile'
  const resource = options.resource === undefined ? undefined : { resource: options.resource }
  const http: oauth.HttpRequestOptions<'GET' | 'POST', never> = {}
  if (options.fetch) http[oauth.customFetch] = options.fetch as never
  if (issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname)) http[oauth.allowInsecureRequests] = true
  let discovered: Promise<oauth.AuthorizationServer> | undefined

  const metadata = (): Promise<oauth.AuthorizationServer> => {
    discovered ??= oauth
      .discoveryRequest(issuer, http as oauth.DiscoveryRequestOptions)
      .then((response) => oauth.processDiscoveryResponse(issuer, response))
      .catch((e: unknown) => {
        discovered = undefined
        return rethrow(e, 'discovery', 'discovery_failed')
      })
    return discovered
  }

  return {
    options,
    metadata,

    async start(returnTo = '/') {
      const as = await metadata()
      if (!as.authorization_endpoint)
        throw new OidcError('discovery_failed', 'The identity provider announces no authorization_endpoint')
      const codeVerifier = oauth.generateRandomCodeVerifier()
      const transaction: OidcTransaction = {
        state: oauth.generateRandomState(),
        nonce: oauth.generateRandomNonce(),
        codeVerifier,
        returnTo,
      }
      const url = new URL(as.authorization_endpoint)
      const query = url.searchParams
      for (const [key, value] of Object.entries(options.params ?? {})) query.set(key, value)
      query.set('client_id', options.clientId)
      query.set('redirect_uri', options.redirectUri)
      query.set('response_type', 'code')
      query.set('scope', scope)
      query.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier))
      query.set('code_challenge_method', 'S256')
      query.set('state', transaction.state)
      query.set('nonce', transaction.nonce)
      if (options.resource !== undefined) query.set('resource', options.resource)
      if (options.prompt !== undefined) query.set('prompt', options.prompt)
      return { url, transaction }
    },

    async finish(transaction, callbackUrl) {
      const as = await metadata()
      let params: URLSearchParams
      try {
        params = oauth.validateAuthResponse(as, client, new URL(callbackUrl), transaction.state)
      } catch (e) {
        throw callbackError(e, transaction.state)
      }
      try {
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          clientAuth,
          params,
          options.redirectUri,
          transaction.codeVerifier,
          { ...http, additionalParameters: resource } as oauth.TokenEndpointRequestOptions,
        )
        const answer = await oauth.processAuthorizationCodeResponse(as, client, response, {
          expectedNonce: transaction.nonce,
          requireIdToken: scope.split(' ').includes('openid'),
        })
        return readTokens(answer, oauth.getValidatedIdTokenClaims(answer))
      } catch (e) {
        return rethrow(e, 'token', 'token_failed')
      }
    },

    async refresh(refreshToken, previous) {
      const as = await metadata()
      try {
        const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, {
          ...http,
          additionalParameters: resource,
        } as oauth.TokenEndpointRequestOptions)
        const answer = await oauth.processRefreshTokenResponse(as, client, response)
        return readTokens(answer, oauth.getValidatedIdTokenClaims(answer), { ...previous, refreshToken } as OidcTokens)
      } catch (e) {
        return rethrow(e, 'token', 'token_failed')
      }
    },

    async endSessionUrl(idToken) {
      const endpoint = (await metadata()).end_session_endpoint
      if (!endpoint) return undefined
      const url = new URL(endpoint)
      if (idToken) url.searchParams.set('id_token_hint', idToken)
      url.searchParams.set('client_id', options.clientId)
      if (options.postLogoutRedirectUri) url.searchParams.set('post_logout_redirect_uri', options.postLogoutRedirectUri)
      return url
    },
  }
}

/** Why oauth4webapi refused a callback: its `state` check, the provider's `error`, or the protocol. */
function callbackError(e: unknown, state: string): OidcError {
  if (e instanceof oauth.AuthorizationResponseError) {
    const description = e.error_description
    return new OidcError(
      'provider_error',
      `The identity provider refused the sign-in: ${description ? `${e.error}: ${description}` : e.error}`,
      { error: e.error, ...(description === undefined ? {} : { description }) },
    )
  }
  if (
    e instanceof oauth.OperationProcessingError &&
    (e.cause as { expected?: unknown } | undefined)?.expected === state
  )
    return new OidcError('state_mismatch', 'The callback carries no state, or not the one this sign-in sent: refused')
  return new OidcError(
    'invalid_response',
    `The callback is not a valid authorization response: ${e instanceof Error ? e.message : 'unreadable'}`,
  )
}
