import type { AuthContext, AuthStrategy } from '../transport/types.js'

/**
 * A session's auth under the session's user name: the server-rendered page's client then scopes
 * its query keys as the browser's `SessionCookie` does, while sending the session's token.
 */
export class SessionAuth implements AuthStrategy {
  readonly user: string
  readonly #auth: AuthStrategy

  constructor(user: string, auth: AuthStrategy) {
    this.user = user
    this.#auth = auth
  }

  header(ctx: AuthContext): string | undefined | Promise<string | undefined> {
    return this.#auth.header(ctx)
  }

  refresh(ctx: AuthContext, rejected?: string): boolean | Promise<boolean> {
    return this.#auth.refresh?.(ctx, rejected) ?? false
  }

  toJSON(): object {
    return { type: 'SessionAuth', user: this.user }
  }
}

/**
 * A fetch that sends what is addressed under `publicBase` (the proxy's public URL) to
 * `horizonUrl` instead: the server calls Horizon directly, not through its own proxy.
 */
export function directFetch(
  publicBase: string,
  horizonUrl: string,
  base: typeof fetch = globalThis.fetch,
): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (url !== publicBase && !url.startsWith(`${publicBase}/`) && !url.startsWith(`${publicBase}?`))
      return Promise.reject(new TypeError(`Not under the proxy URL ${publicBase}: ${url}`))
    const target = horizonUrl + url.slice(publicBase.length)
    return base(input instanceof Request ? new Request(target, input) : target, init)
  }
}
