/** Test helpers: a scripted fetch for faults injected on purpose, and unsigned JWTs for auth tests. */
export interface Scripted {
  fetch: typeof fetch
  calls: Array<{ method: string; url: string; headers: Headers; body: unknown }>
}

/** A fetch that answers from a script, one response per call (the last repeats). */
export function scriptedFetch(...responses: Array<() => Response>): Scripted {
  const calls: Scripted['calls'] = []
  let i = 0
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: new Headers(init?.headers),
      body: init?.body,
    })
    const make = responses[Math.min(i++, responses.length - 1)]!
    return make()
  }
  return { fetch: fn as typeof fetch, calls }
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    })

export const envelope = (status: number, code: string, message: string, details: unknown = null, headers = {}) =>
  json(status, { error: { code, message, details } }, headers)

const b64 = (x: object) => Buffer.from(JSON.stringify(x)).toString('base64url')
/** An unsigned JWT with the given claims (the client never checks signatures). */
export const jwt = (claims: object) => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.c2ln`
