/**
 * Verifies the access tokens of the trusted OpenID provider (`trustIssuer`) with jose: the key from
 * the provider's JWKS, `iss`, `aud`, `exp` and `nbf` checked, the username read from the claim. Web
 * APIs only (fetch, WebCrypto): the in-process app trusts an issuer as well as the Node server.
 */
import { createRemoteJWKSet, decodeJwt, errors, type JWTVerifyGetKey, jwtVerify } from 'jose'
import type { ResolvedTrustIssuer } from './trust-issuer-options.js'

/**
 * The asymmetric JWS algorithms. jose verifies a token only with a JWKS key whose `kty` (and `crv`,
 * and `alg` when the key states one) fits the token's `alg`, so what is accepted is what the JWKS
 * offers; the list keeps `none` and the HMAC algorithms out whatever the JWKS holds.
 */
const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519']

/** Verified tokens remembered, as the server's own (`Tokens`): a signature check per request is most of its cost. */
const REMEMBERED_TOKENS = 4096

/** How long the discovery document may take, as jose's default for the JWKS. */
const DISCOVERY_TIMEOUT_MS = 5000

/** Codes of jose errors that say the JWKS could not be had (rather than that the token is bad). */
const UNAVAILABLE = new Set([errors.JWKSTimeout.code, errors.JWKSInvalid.code, errors.JOSEError.code])

/** Why the trusted issuer's keys could not be had: logged (no token in it), the request answered "Invalid token". */
export class TrustedIssuerError extends Error {
  constructor(
    readonly code: 'discovery_failed' | 'jwks_unavailable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'TrustedIssuerError'
  }
}

/** The `jwks_uri` of the issuer's discovery document, which must name the same issuer (OpenID Discovery §4.3). */
async function discoverJwksUri(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
  let response: Response
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
    })
  } catch (cause) {
    throw new TrustedIssuerError('discovery_failed', `${url}: ${reason(cause)}`, { cause })
  }
  if (!response.ok) throw new TrustedIssuerError('discovery_failed', `${url} answered ${response.status}`)
  const document = (await response.json().catch(() => undefined)) as
    | { issuer?: unknown; jwks_uri?: unknown }
    | undefined
  if (document?.issuer !== issuer)
    throw new TrustedIssuerError(
      'discovery_failed',
      `${url} names the issuer ${JSON.stringify(document?.issuer)}, not ${JSON.stringify(issuer)}`,
    )
  if (typeof document.jwks_uri !== 'string' || !URL.canParse(document.jwks_uri))
    throw new TrustedIssuerError('discovery_failed', `${url} has no jwks_uri`)
  return document.jwks_uri
}

/** An error's message with its cause's code (fetch says only "fetch failed"). */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code
  return typeof code === 'string' ? `${message} (${code})` : message
}

/**
 * The tokens of one trusted issuer. Its keys are fetched on the first token that claims its `iss`
 * (discovery first, unless `jwksUri` is given) and refreshed by jose: after 10 minutes, and at once
 * for a token with an unknown `kid` (key rotation) unless the JWKS was fetched in the last 30 s.
 */
export class TrustedIssuer {
  readonly #config: ResolvedTrustIssuer
  #keys: Promise<JWTVerifyGetKey> | undefined
  readonly #verified = new Map<string, { username: string; exp: number }>()
  #lastWarning: string | undefined

  constructor(config: ResolvedTrustIssuer) {
    this.#config = config
  }

  /** The issuer identifier. */
  get issuer(): string {
    return this.#config.issuer
  }

  /**
   * The username of a valid token of this issuer; undefined for any other token, and for one that
   * fails (signature, `aud`, `exp`, `nbf`, claim missing or not a non-empty string).
   */
  async usernameOf(token: string): Promise<string | undefined> {
    const now = Math.floor(Date.now() / 1000)
    const known = this.#verified.get(token)
    if (known) return known.exp > now ? known.username : undefined
    if (!this.#claims(token)) return undefined // another issuer's, or no JWT: no network for it
    try {
      const { issuer, audience, claim } = this.#config
      const { payload } = await jwtVerify(token, await this.#keySource(), {
        issuer,
        audience,
        algorithms: ASYMMETRIC,
        requiredClaims: ['exp'],
      })
      this.#lastWarning = undefined
      const username = payload[claim]
      if (typeof username !== 'string' || !username || payload.exp === undefined) return undefined
      if (this.#verified.size >= REMEMBERED_TOKENS) this.#verified.clear()
      this.#verified.set(token, { username, exp: payload.exp })
      return username
    } catch (error) {
      if (error instanceof TrustedIssuerError) this.#warn(error)
      return undefined // a bad token: "Invalid token", nothing logged
    }
  }

  /** Whether the token names this issuer (unverified: it only picks the path). */
  #claims(token: string): boolean {
    try {
      return decodeJwt(token).iss === this.#config.issuer
    } catch {
      return false
    }
  }

  /** jose's remote JWKS, once its URL is known; a failed discovery is tried again by the next token. */
  #keySource(): Promise<JWTVerifyGetKey> {
    const { issuer, jwksUri } = this.#config
    if (this.#keys) return this.#keys
    const pending = (jwksUri ? Promise.resolve(jwksUri) : discoverJwksUri(issuer)).then((uri) => {
      const remote = createRemoteJWKSet(new URL(uri))
      const keys: JWTVerifyGetKey = async (header, token) => {
        try {
          return await remote(header, token)
        } catch (error) {
          // No key fits the token: the token's fault. Anything else: the JWKS could not be had.
          if (error instanceof errors.JOSEError && !UNAVAILABLE.has(error.code)) throw error
          throw new TrustedIssuerError('jwks_unavailable', `${uri}: ${reason(error)}`, { cause: error })
        }
      }
      return keys
    })
    pending.catch(() => {
      if (this.#keys === pending) this.#keys = undefined
    })
    this.#keys = pending
    return pending
  }

  /** One line per new failure of the issuer (not per request); it names URLs, never a token. */
  #warn(error: TrustedIssuerError): void {
    const line = `[horizon-server] trusted issuer ${this.#config.issuer}: ${error.message}`
    if (line === this.#lastWarning) return
    this.#lastWarning = line
    console.warn(line)
  }
}
