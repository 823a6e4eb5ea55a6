/**
 * `@horizon-ts/server/app`: the Horizon app without a socket, for any runtime with `fetch` and web
 * streams: a browser page (component tests, storybooks), a worker, or Node without a port. Nothing
 * on its path imports Node (no `node:http`, `@hono/node-server` nor `node:fs`); the package's main
 * entry adds `startHorizonServer`, which listens on a port.
 * @example
 * ```ts
 * import { HorizonClient, LoginPassword } from '@horizon-ts/core'
 * import { createHorizonApp, inProcessFetch } from '@horizon-ts/server/app'
 *
 * const app = createHorizonApp({ seed: 'demo' })
 * const client = new HorizonClient({
 *   baseUrl: 'http://horizon.test', // any origin: no request leaves the page
 *   fetch: inProcessFetch(app),
 *   auth: new LoginPassword({ login: 'alice', password: 'any-password' }),
 * })
 * await client.whoami()
 * ```
 */
export { createHorizonApp, type HorizonEnv } from './app.js'
export type { BulkSeed, CorsOptions, HorizonServerOptions, Seed, SeedName, TrustIssuerOptions } from './options.js'
export { type DemoUser, demoUsers } from './seed-catalog.js'

/** What {@link inProcessFetch} needs of an app: Hono's `fetch`, which takes a `Request` only. */
export interface FetchHandler {
  fetch(request: Request): Response | Promise<Response>
}

/**
 * A `fetch` served by `app` in this process, with no socket: the shape a client's `fetch` option
 * takes. `app.fetch` itself takes a `Request` only, while a client calls `fetch(url, init)`; this
 * makes the `Request` and always answers a promise.
 * @example
 * ```ts
 * import { createHorizonApp, inProcessFetch } from '@horizon-ts/server/app'
 * const fetch = inProcessFetch(createHorizonApp())
 * const res = await fetch('http://horizon.test/monitoring/ping') // { status: 'ok' }, no network
 * ```
 */
export function inProcessFetch(app: FetchHandler): typeof fetch {
  return async (input, init) =>
    app.fetch(input instanceof Request && init === undefined ? input : new Request(input, init))
}
