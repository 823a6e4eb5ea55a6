/**
 * Starlette's routing, which FastAPI inherits: the first route matching path and method wins; a path
 * matched with another method is 405 (allowing the first such route's method); an unmatched path is redirected (307) when adding or removing
 * the trailing slash would match; anything else is 404.
 */
import type { Runtime } from './runtime.js'
import type { UserRow } from './store.js'

/** What a handler receives. `user` exists only on authenticated routes. */
export interface RouteContext {
  readonly request: Request
  readonly url: URL
  readonly params: Readonly<Record<string, string>>
  readonly runtime: Runtime
  /** The parsed body (JSON routes: any JSON, raw text or `NO_BODY`; form routes: fields). */
  readonly body: unknown
  readonly user: UserRow
  readonly superadmin: boolean
  /** Headers every answer carries (request id, version): put in each response as it is made. */
  readonly headers: Readonly<Record<string, string>>
}

export interface Route {
  readonly method: string
  /** FastAPI-style template, e.g. `/v1/hwm/{hwm_id}`. */
  readonly path: string
  /** Requires a bearer token (every `/v1` route but login). */
  readonly auth: boolean
  /** Read before authentication, as FastAPI parses bodies before solving dependencies. */
  readonly body?: 'json' | 'form'
  readonly handle: (ctx: RouteContext) => Response | Promise<Response>
}

interface Compiled extends Route {
  readonly pattern: RegExp
  readonly names: readonly string[]
}

export type Match =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'method'; allow: string[] }
  | { kind: 'redirect'; path: string }
  | { kind: 'none' }

const escapeRegExp = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')

function compile(route: Route): Compiled {
  const names: string[] = []
  const source = route.path
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1]
      if (!name) return escapeRegExp(part)
      names.push(name)
      return '([^/]+)'
    })
    .join('')
  return { ...route, pattern: new RegExp(`^${source}$`), names }
}

export class Router {
  readonly #routes: Compiled[]

  constructor(routes: readonly Route[]) {
    this.#routes = routes.map(compile)
  }

  /** `path` is the percent-decoded path, as ASGI servers hand it to Starlette. */
  match(method: string, path: string): Match {
    // Starlette keeps the first route whose path matched with another method, and its 405 allows
    // that route's methods only: one, as every FastAPI route has one (`PUT /v1/hwm/1` allows GET).
    let partial: Compiled | undefined
    for (const route of this.#routes) {
      const m = route.pattern.exec(path)
      if (!m) continue
      if (route.method === method) {
        const params = Object.fromEntries(route.names.map((name, i) => [name, m[i + 1]!]))
        return { kind: 'route', route, params }
      }
      partial ??= route
    }
    if (partial) return { kind: 'method', allow: [partial.method] }
    if (path !== '/') {
      const other = path.endsWith('/') ? path.replace(/\/+$/, '') : `${path}/`
      if (this.#routes.some((route) => route.pattern.test(other))) return { kind: 'redirect', path: other }
    }
    return { kind: 'none' }
  }
}
