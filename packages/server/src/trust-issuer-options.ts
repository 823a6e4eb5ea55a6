/**
 * The `trustIssuer` option: an OpenID provider whose access tokens the server accepts besides its own,
 * as the gateway in front of a real Horizon would. Checked here; verified in `trusted-issuer.ts`.
 */

/**
 * An OpenID provider (Keycloak, Entra ID, Okta, …) whose JWT access tokens are accepted as a bearer
 * token. A token with this `iss` is verified against the provider's JWKS (signature, `iss`, `aud`,
 * `exp`, `nbf`) and names its user by `claim`; that user is created on first sight, as a login creates
 * one. The server's own tokens keep working alongside.
 * @example
 * ```ts
 * const trustIssuer: TrustIssuerOptions = {
 *   issuer: 'http://localhost:8080/realms/etl', // as in the token's `iss`, exactly
 *   audience: 'horizon', // the token's `aud` must hold it
 *   claim: 'preferred_username', // the default
 * }
 * ```
 */
export interface TrustIssuerOptions {
  /** The issuer identifier, exactly as in the tokens' `iss` (and in its discovery document). */
  issuer: string
  /**
   * The audience the token's `aud` must hold (one of them, for a list). Default: none checked, so any
   * access token of the issuer is accepted, whatever client or API it was issued for.
   */
  audience?: string | readonly string[]
  /**
   * The claim that holds the Horizon username. Default `'preferred_username'`; no fallback to `sub`: a
   * token without the claim is refused (give `'sub'` to use that one).
   */
  claim?: string
  /** The JWKS URL. Default: the `jwks_uri` of `${issuer}/.well-known/openid-configuration`. */
  jwksUri?: string
}

/** The option checked, with its defaults. */
export interface ResolvedTrustIssuer {
  issuer: string
  audience: string[] | undefined
  claim: string
  jwksUri: string | undefined
}

/** The default `claim`: the login name in Keycloak's and Entra ID's access tokens. */
export const DEFAULT_TRUST_CLAIM = 'preferred_username'

const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string' || !URL.canParse(value)) return false
  const { protocol } = new URL(value)
  return protocol === 'https:' || protocol === 'http:'
}

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== ''

/** Checks the option; undefined when not given. Throws a `TypeError` naming the field at fault. */
export function resolveTrustIssuer(option: TrustIssuerOptions | undefined): ResolvedTrustIssuer | undefined {
  if (option === undefined) return undefined
  if (typeof option !== 'object' || option === null) throw new TypeError('trustIssuer must be an object')
  const { issuer, audience, claim = DEFAULT_TRUST_CLAIM, jwksUri } = option
  if (!isHttpUrl(issuer))
    throw new TypeError(`trustIssuer.issuer must be an http(s) URL, got ${JSON.stringify(issuer)}`)
  const audiences = audience === undefined ? undefined : typeof audience === 'string' ? [audience] : audience
  if (audiences !== undefined && (!Array.isArray(audiences) || !audiences.length || !audiences.every(nonEmptyString)))
    throw new TypeError('trustIssuer.audience must be a non-empty string or a non-empty list of them')
  if (!nonEmptyString(claim)) throw new TypeError('trustIssuer.claim must be a non-empty string')
  if (jwksUri !== undefined && !isHttpUrl(jwksUri))
    throw new TypeError(`trustIssuer.jwksUri must be an http(s) URL, got ${JSON.stringify(jwksUri)}`)
  return { issuer, audience: audiences && [...audiences], claim, jwksUri }
}
