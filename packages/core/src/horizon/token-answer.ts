import { makeError, ResponseValidationError } from './errors.js'
import type { AuthTokenResponseV1 } from './types.js'

/**
 * A token answer must hold a token and its expiry, whatever `validateResponses` says: the
 * client cannot work without them. The error names the fields, never their values.
 */
export function checkTokenAnswer(t: unknown): AuthTokenResponseV1 {
  const answer = (typeof t === 'object' && t !== null ? t : {}) as Record<string, unknown>
  const details = [
    typeof answer.access_token === 'string' && answer.access_token ? undefined : 'access_token',
    typeof answer.expires_at === 'number' && Number.isFinite(answer.expires_at) ? undefined : 'expires_at',
  ]
    .filter((field) => field !== undefined)
    .map((field) => ({
      location: [field],
      message: 'Missing or invalid',
      code: 'token_answer',
      context: {},
      input: '[REDACTED]',
    }))
  if (details.length)
    throw makeError(
      ResponseValidationError,
      'Answer of login is not a token answer',
      { body: '[REDACTED]' },
      { details },
    )
  return t as AuthTokenResponseV1
}
