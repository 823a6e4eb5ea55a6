/**
 * CORS as Starlette's `CORSMiddleware` (0.46) answers it, which is what Horizon runs with its CORS
 * settings: a request with `Origin` that is OPTIONS with `Access-Control-Request-Method` is a
 * preflight, answered here 200 "OK" or 400 "Disallowed CORS origin, method, headers" (the failures);
 * any other request with `Origin` gets the simple headers on whatever it answers.
 */
import type { MiddlewareHandler } from 'hono'
import type { ResolvedCors } from './cors-options.js'

const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']
const SAFELISTED_HEADERS = ['Accept', 'Accept-Language', 'Content-Language', 'Content-Type']

/** Python's `sorted(set(...))` of strings: code-point order, exact duplicates dropped. */
const sortedSet = (items: readonly string[]) => [...new Set(items)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

/** Starlette's `MutableHeaders.add_vary_header`: appended to an existing Vary, comma-separated. */
const addVary = (headers: Headers, value: string) => {
  const existing = headers.get('vary')
  headers.set('vary', existing === null ? value : `${existing}, ${value}`)
}

/** The middleware for resolved settings (see `resolveCors`); Starlette's constructor is the part before `return`. */
export function cors(settings: ResolvedCors): MiddlewareHandler {
  const allowMethods = settings.allowMethods.includes('*') ? ALL_METHODS : settings.allowMethods
  const allowAllOrigins = settings.allowOrigins.includes('*')
  const allowAllHeaders = settings.allowHeaders.includes('*')
  const explicitOrigin = !allowAllOrigins || settings.allowCredentials
  const origins = new Set(settings.allowOrigins)
  const regex = settings.allowOriginRegex

  const simpleHeaders: [string, string][] = []
  if (allowAllOrigins) simpleHeaders.push(['access-control-allow-origin', '*'])
  if (settings.allowCredentials) simpleHeaders.push(['access-control-allow-credentials', 'true'])
  if (settings.exposeHeaders.length)
    simpleHeaders.push(['access-control-expose-headers', settings.exposeHeaders.join(', ')])

  const preflightHeaders: [string, string][] = []
  preflightHeaders.push(explicitOrigin ? ['vary', 'Origin'] : ['access-control-allow-origin', '*'])
  preflightHeaders.push(['access-control-allow-methods', allowMethods.join(', ')])
  preflightHeaders.push(['access-control-max-age', String(settings.maxAge)])
  const allowHeaders = sortedSet([...SAFELISTED_HEADERS, ...settings.allowHeaders])
  if (!allowAllHeaders) preflightHeaders.push(['access-control-allow-headers', allowHeaders.join(', ')])
  if (settings.allowCredentials) preflightHeaders.push(['access-control-allow-credentials', 'true'])
  const allowedHeaders = new Set(allowHeaders.map((h) => h.toLowerCase()))

  const isAllowedOrigin = (origin: string) => allowAllOrigins || regex?.test(origin) === true || origins.has(origin)

  const preflight = (origin: string, method: string, requestedHeaders: string | null) => {
    const headers = new Headers(preflightHeaders)
    const failures: string[] = []
    if (isAllowedOrigin(origin)) {
      if (explicitOrigin) headers.set('access-control-allow-origin', origin)
    } else failures.push('origin')
    if (!allowMethods.includes(method)) failures.push('method')
    if (allowAllHeaders && requestedHeaders !== null) headers.set('access-control-allow-headers', requestedHeaders)
    else if (requestedHeaders !== null) {
      // Starlette strips each name but not the empty ones: "a,,b" fails
      if (requestedHeaders.split(',').some((h) => !allowedHeaders.has(h.toLowerCase().trim()))) failures.push('headers')
    }
    headers.set('content-type', 'text/plain; charset=utf-8')
    const body = failures.length ? `Disallowed CORS ${failures.join(', ')}` : 'OK'
    return new Response(body, { status: failures.length ? 400 : 200, headers })
  }

  return async (c, next) => {
    const request = c.req.raw.headers
    // present even when empty, as Starlette tests `is None` and `in headers`
    const origin = request.get('origin')
    if (origin === null) return next()
    const method = request.get('access-control-request-method')
    if (c.req.method === 'OPTIONS' && method !== null)
      return preflight(origin, method, request.get('access-control-request-headers'))
    await next()
    const headers = c.res.headers
    for (const [name, value] of simpleHeaders) headers.set(name, value)
    // '*' with a cookie, or an allowed origin of a list: the origin itself, and Vary
    if (allowAllOrigins ? request.has('cookie') : isAllowedOrigin(origin)) {
      headers.set('access-control-allow-origin', origin)
      addVary(headers, 'Origin')
    }
  }
}
