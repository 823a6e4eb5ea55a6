import { inspect } from 'node:util'

/**
 * Every way a value may be shown (message, String, JSON, util.inspect with causes): none may hold
 * one of `secrets`. Answers the secrets found, for an assertion that names them by position.
 */
export function leaked(value: unknown, secrets: Array<string | undefined>): number[] {
  const shown = [
    value instanceof Error ? value.message : '',
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { depth: 10, showHidden: false }),
  ].join('\n')
  return secrets.flatMap((secret, i) => (secret && shown.includes(secret) ? [i] : []))
}

/** Counts the requests of a real fetch by what they are: discovery, code exchange, refresh. */
export function countingFetch(): { fetch: typeof fetch; count: { discovery: number; code: number; refresh: number } } {
  const count = { discovery: 0, code: 0, refresh: 0 }
  const counted: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input)
    if (url.includes('/.well-known/openid-configuration')) count.discovery++
    const body = init?.body instanceof URLSearchParams ? init.body : undefined
    if (body?.get('grant_type') === 'authorization_code') count.code++
    if (body?.get('grant_type') === 'refresh_token') count.refresh++
    return fetch(input, init)
  }
  return { fetch: counted, count }
}

/** The claims of a JWT, read without checking its signature. */
export function jwtClaims(token: string): Record<string, unknown> {
  const [, payload = ''] = token.split('.')
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
}
