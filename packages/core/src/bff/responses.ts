/** The answers the session routes build themselves: Horizon's error envelope, redirects, JSON. */

/** Never cached: every answer of these routes is one user's. */
const NO_STORE = { 'cache-control': 'no-store' }

/** `{ error: { code, message, details } }`, as Horizon answers errors, so its clients read it as one. */
export function envelope(status: number, code: string, message: string, headers: HeadersInit = {}): Response {
  return json(status, { error: { code, message, details: null } }, headers)
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const h = new Headers(headers)
  h.set('content-type', 'application/json')
  h.set('cache-control', 'no-store')
  return new Response(JSON.stringify(body), { status, headers: h })
}

/** `303 See Other` to `location`, with the cookie to set, if any. */
export function seeOther(location: string, setCookie?: string): Response {
  const headers = new Headers({ ...NO_STORE, location })
  if (setCookie) headers.append('set-cookie', setCookie)
  return new Response(null, { status: 303, headers })
}

/** `204 No Content`, with the cookie to set. */
export function noContent(setCookie: string): Response {
  const headers = new Headers(NO_STORE)
  headers.append('set-cookie', setCookie)
  return new Response(null, { status: 204, headers })
}

/** `405` for a route that only takes POST. */
export const postOnly = (): Response =>
  envelope(405, 'method_not_allowed', 'Method not allowed: use POST', { allow: 'POST' })
