/** CSRF protection: the request must come from a page of this site (or a trusted origin). */

/** Methods that change nothing, hence need no origin check. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * True when `request` may change state: a safe method, an `Origin` equal to the request's own or
 * a trusted one, or, when the browser sent no `Origin`, `Sec-Fetch-Site: same-origin`. A request
 * with neither (an old browser, a script without headers) is refused.
 */
export function isSameSite(request: Request, trusted: ReadonlySet<string>): boolean {
  if (SAFE.has(request.method.toUpperCase())) return true
  const origin = request.headers.get('origin')
  if (origin !== null) return origin === new URL(request.url).origin || trusted.has(origin)
  return request.headers.get('sec-fetch-site') === 'same-origin'
}
