/**
 * CORS as Starlette's `CORSMiddleware` does it: a preflight (OPTIONS with Origin and
 * Access-Control-Request-Method) is answered here, 200 "OK" or 400 "Disallowed CORS …"; other
 * requests from an allowed origin get the allow/expose headers on whatever they answer.
 */
import type { MiddlewareHandler } from 'hono'
import type { CorsOptions } from './options.js'

const METHODS = 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT'
/** Headers the client sends (plus the CORS-safelisted ones, always allowed). */
const HEADERS = ['Accept', 'Accept-Language', 'Authorization', 'Content-Language', 'Content-Type', 'X-Request-ID']
const EXPOSE = 'X-Request-ID, X-Application-Version'

export function cors(options: CorsOptions): MiddlewareHandler {
  const anyOrigin = options.origins === '*'
  const origins = new Set(anyOrigin ? [] : options.origins)
  const allowedHeaders = new Set(HEADERS.map((h) => h.toLowerCase()))
  return async (c, next) => {
    const origin = c.req.header('origin')
    if (!origin) return next()
    const originAllowed = anyOrigin || origins.has(origin)
    const allowOrigin = anyOrigin ? '*' : origin
    const requestedMethod = c.req.header('access-control-request-method')
    if (c.req.method === 'OPTIONS' && requestedMethod) {
      const requested = (c.req.header('access-control-request-headers') ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean)
      const failures: string[] = []
      if (!originAllowed) failures.push('origin')
      if (requested.some((h) => !allowedHeaders.has(h))) failures.push('headers')
      const headers: Record<string, string> = {
        'access-control-allow-methods': METHODS,
        'access-control-max-age': '600',
        'access-control-allow-headers': HEADERS.join(', '),
        'content-type': 'text/plain; charset=utf-8',
      }
      if (originAllowed) headers['access-control-allow-origin'] = allowOrigin
      if (!anyOrigin) headers.vary = 'Origin'
      const body = failures.length ? `Disallowed CORS ${failures.join(', ')}` : 'OK'
      return new Response(body, { status: failures.length ? 400 : 200, headers })
    }
    await next()
    if (!originAllowed) return
    c.res.headers.set('access-control-allow-origin', allowOrigin)
    c.res.headers.set('access-control-expose-headers', EXPOSE)
    if (!anyOrigin) c.res.headers.append('vary', 'Origin')
  }
}
