import * as oauth from 'oauth4webapi'

/** What went wrong in a sign-in, a renewal or a discovery. */
export type OidcErrorCode =
  /** the provider's metadata (`/.well-known/openid-configuration`) could not be read or is not usable */
  | 'discovery_failed'
  /** a callback came, but no sign-in of this client is in progress (or it was used already) */
  | 'no_transaction'
  /** the callback's `state` is missing or is not the one this sign-in sent: refused (CSRF) */
  | 'state_mismatch'
  /** the provider answered the sign-in with an `error` (e.g. `access_denied`): see `error`, `description` */
  | 'provider_error'
  /** the ID token's `nonce` is not the one this sign-in sent: refused (replay) */
  | 'nonce_mismatch'
  /** the token endpoint refused (see `error`, `description`, `status`), or its answer did not validate */
  | 'token_failed'
  /** the callback or a provider's answer breaks the protocol (e.g. a wrong `iss`) */
  | 'invalid_response'
  /** the provider could not be reached (the `cause` is the network error) */
  | 'network_failed'
  /** `OidcLogin` needs `sessionStorage` (a browser) for the sign-in in progress */
  | 'no_storage'

const NAME = 'OidcError'

/**
 * A failure of the OpenID Connect flow. Its message says what happened in words; it never holds a
 * token, an authorization code or a PKCE verifier, and neither do its fields. oauth4webapi's own
 * error is not kept as `cause` (it carries the callback's parameters and the ID token's claims);
 * only a network failure is.
 * @example
 * ```ts
 * try { await login.handleCallback() } catch (e) {
 *   if (e instanceof OidcError && e.code === 'provider_error') console.log(e.error, e.description)
 * }
 * ```
 */
export class OidcError extends Error {
  /** what went wrong, for code to branch on */
  readonly code: OidcErrorCode
  /** the provider's OAuth error code (`access_denied`, `invalid_grant` …), when it gave one */
  readonly error?: string
  /** the provider's `error_description`, when it gave one */
  readonly description?: string
  /** the HTTP status of the provider's answer, when one came */
  readonly status?: number

  constructor(
    code: OidcErrorCode,
    message: string,
    info: { error?: string; description?: string; status?: number; cause?: unknown } = {},
  ) {
    super(message, info.cause === undefined ? undefined : { cause: info.cause })
    this.code = code
    if (info.error !== undefined) this.error = info.error
    if (info.description !== undefined) this.description = info.description
    if (info.status !== undefined) this.status = info.status
  }
}
// Set on the prototype: minifiers rename classes, so `constructor.name` is not reliable.
OidcError.prototype.name = NAME

/** The provider's words, as ` (error: description)`. */
function said(error: string, description: string | undefined): string {
  return description ? `${error}: ${description}` : error
}

/**
 * Throws what oauth4webapi (or fetch) threw during `step` as an `OidcError`; an abort (the
 * caller's signal) goes through as it is. oauth4webapi's messages name the failed check, never a
 * value, so they are kept; its errors are not (see `OidcError`).
 */
export function rethrow(e: unknown, step: 'discovery' | 'token', fallback: OidcErrorCode): never {
  if (e instanceof DOMException && (e.name === 'AbortError' || e.name === 'TimeoutError')) throw e
  throw toOidcError(e, step, fallback)
}

function toOidcError(e: unknown, step: 'discovery' | 'token', fallback: OidcErrorCode): OidcError {
  if (e instanceof OidcError) return e
  const where = step === 'discovery' ? 'Discovery of the identity provider' : 'The token request'
  if (e instanceof oauth.ResponseBodyError)
    return new OidcError(fallback, `${where} was refused (HTTP ${e.status}, ${said(e.error, e.error_description)})`, {
      error: e.error,
      ...(e.error_description === undefined ? {} : { description: e.error_description }),
      status: e.status,
    })
  if (e instanceof oauth.WWWAuthenticateChallengeError) {
    const error = e.cause[0]?.parameters.error
    return new OidcError(fallback, `${where} was refused (HTTP ${e.status}, WWW-Authenticate challenge)`, {
      ...(error === undefined ? {} : { error }),
      status: e.status,
    })
  }
  if (e instanceof oauth.OperationProcessingError) {
    const cause = e.cause as { claim?: unknown } | undefined
    if (e.code === oauth.JWT_CLAIM_COMPARISON && cause?.claim === 'nonce')
      return new OidcError('nonce_mismatch', 'The ID token does not carry the nonce this sign-in sent: refused')
    const status = e.cause instanceof Response ? e.cause.status : undefined
    return new OidcError(fallback, `${where} failed: ${e.message}`, status === undefined ? {} : { status })
  }
  if (e instanceof oauth.UnsupportedOperationError) return new OidcError(fallback, `${where} failed: ${e.message}`)
  // fetch rejects with a plain TypeError when the provider cannot be reached (its cause names the
  // host, no secret); oauth4webapi's own TypeErrors carry a `code`.
  if (e instanceof TypeError && !('code' in e))
    return new OidcError('network_failed', `${where} could not reach the identity provider`, { cause: e })
  if (e instanceof Error && 'code' in e) return new OidcError(fallback, `${where} failed: ${e.message}`)
  return new OidcError(fallback, `${where} failed`)
}
