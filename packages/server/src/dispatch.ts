/**
 * Runs one request through Horizon's pipeline: routing, body decoding (before auth, as FastAPI),
 * authentication, then the route, which validates and acts. Every failure becomes its HTTP answer.
 */
import { authenticate } from './auth.js'
import { readFormBody, readJsonBody } from './body.js'
import { ClientGone, DetailError, EnvelopeError, errorResponse } from './errors.js'
import { type RouteContext, Router } from './router.js'
import { routes } from './routes/index.js'
import type { Runtime } from './runtime.js'
import type { UserRow } from './store.js'

const decodePath = (path: string) => {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/**
 * The pipeline. `headers` go into every answer as it is made: setting them afterwards would turn the
 * Node adapter's light response into a full one (a Headers object per answer, ~12% of a read).
 * `parsed` is the request's URL when the caller has parsed it already.
 */
export function dispatcher(
  runtime: Runtime,
): (request: Request, headers?: Readonly<Record<string, string>>, parsed?: URL) => Promise<Response> {
  const router = new Router(routes)
  return async (request, headers = {}, parsed) => {
    try {
      const url = parsed ?? new URL(request.url)
      const match = router.match(request.method, decodePath(url.pathname))
      if (match.kind === 'none') throw new DetailError(404, 'Not Found')
      if (match.kind === 'method') throw new DetailError(405, 'Method Not Allowed', { allow: match.allow.join(', ') })
      if (match.kind === 'redirect') {
        const raw = url.pathname.endsWith('/') ? url.pathname.replace(/\/+$/, '') : `${url.pathname}/`
        const location = `${url.origin}${raw}${url.search}`
        return new Response(null, { status: 307, headers: { ...headers, location, 'content-length': '0' } })
      }
      const { route, params } = match
      const body =
        route.body === 'json'
          ? await readJsonBody(request)
          : route.body === 'form'
            ? await readFormBody(request)
            : undefined
      let user: UserRow | undefined
      if (route.auth) {
        const header = request.headers.get('authorization') ?? undefined
        user = await authenticate(
          () => runtime.store.tables,
          () => runtime.tokens,
          header,
          runtime.trusted && ((token) => runtime.trustedUser(token)),
        )
      }
      const ctx: RouteContext = {
        request,
        url,
        params,
        runtime,
        body,
        headers,
        superadmin: user ? runtime.isSuperadmin(user) : false,
        get user(): UserRow {
          if (!user) throw new Error(`${route.method} ${route.path} is not an authenticated route`)
          return user
        },
      }
      return await route.handle(ctx)
    } catch (error) {
      if (error instanceof ClientGone) throw error // the app answers nothing (see `buildApp`)
      if (!(error instanceof EnvelopeError || error instanceof DetailError))
        console.error('[horizon-server] unhandled error:', error)
      return errorResponse(error, headers)
    }
  }
}
