import type * as oauth from 'oauth4webapi'
import { OidcError } from './errors.js'

/** The ID token's claims, validated (signature, issuer, audience, expiry, nonce) at sign-in. */
export type IdTokenClaims = oauth.IDToken

/**
 * What a sign-in or a renewal gives: the provider's tokens and when the access token expires.
 * A plain object, so that a server can keep it in its session; it is a credential: never log it,
 * never put it in a URL or in HTML.
 */
export interface OidcTokens {
  /** the access token, sent to Horizon as `Authorization: Bearer …` */
  accessToken: string
  /** seconds since the epoch at which the access token expires, when the provider said (`expires_in`) */
  expiresAt?: number
  /** the refresh token, when the provider issued one (often only with the `offline_access` scope) */
  refreshToken?: string
  /** the ID token (the `id_token_hint` of a sign-out) */
  idToken?: string
  /** the ID token's claims */
  claims?: IdTokenClaims
  /** the scopes granted, when the provider said */
  scope?: string
}

/**
 * Reads a token endpoint answer oauth4webapi validated. `previous` fills what a renewal may not
 * repeat (the refresh token, the ID token); a renewal's ID token must name the same subject.
 */
export function readTokens(
  answer: oauth.TokenEndpointResponse,
  claims: IdTokenClaims | undefined,
  previous?: OidcTokens,
): OidcTokens {
  if (answer.token_type !== 'bearer')
    throw new OidcError(
      'token_failed',
      `The provider issued a "${answer.token_type}" token; only bearer tokens are supported`,
    )
  if (claims && previous?.claims && claims.sub !== previous.claims.sub)
    throw new OidcError('token_failed', 'The renewed ID token names another subject than the signed-in one: refused')
  const tokens: OidcTokens = { accessToken: answer.access_token }
  if (answer.expires_in !== undefined) tokens.expiresAt = Math.floor(Date.now() / 1000) + answer.expires_in
  const refreshToken = answer.refresh_token ?? previous?.refreshToken
  if (refreshToken) tokens.refreshToken = refreshToken
  const idToken = answer.id_token ?? previous?.idToken
  if (idToken) tokens.idToken = idToken
  const idClaims = claims ?? previous?.claims
  if (idClaims) tokens.claims = idClaims
  const scope = answer.scope ?? previous?.scope
  if (scope) tokens.scope = scope
  return tokens
}
