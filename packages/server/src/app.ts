/**
 * The Hono app: headers every answer carries (request id, version), CORS, the control API, added
 * latency, injected faults, then Horizon's routes. Faults and latency apply before a route runs.
 */
import type { HttpBindings } from '@hono/node-server'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { CONTROL_PREFIX, control } from './control.js'
import { cors } from './cors.js'
import { dispatcher } from './dispatch.js'
import { docs } from './docs.js'
import { ClientGone, errorResponse, payloadTooLarge } from './errors.js'
import { faultResponse } from './fault-responses.js'
import type { Fault } from './faults.js'
import { type HorizonServerOptions, resolveOptions } from './options.js'
import { requestIdOf } from './request-id.js'
import { Runtime } from './runtime.js'

/** Node bindings when served by @hono/node-server; absent when the app is embedded elsewhere. */
export type HorizonEnv = {
  Bindings: Partial<HttpBindings>
  /** `common`: headers every answer carries; `headed`: the answer has them; `logged`: in the request log; `url`: the request's, parsed once. */
  Variables: { logged: boolean; common: Record<string, string>; headed: boolean; url: URL }
}

const isControl = (path: string) => path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)

/** Whether the request's connection closed before its body was read (a Node socket only). */
const incomingBroken = (env: Partial<HttpBindings> | undefined) => {
  const incoming = env?.incoming
  return incoming !== undefined && !incoming.complete && (incoming.destroyed || incoming.readableAborted)
}

/** A response whose body fails at once: what a reset connection looks like without a socket to destroy. */
const brokenResponse = () =>
  new Response(new ReadableStream({ start: (controller) => controller.error(new Error('connection reset')) }))

/** The answer of an injected fault: a status, or a connection reset or hung (then reset). */
async function injected(c: Context<HorizonEnv>, runtime: Runtime, fault: Fault): Promise<Response> {
  if (fault.kind !== 'reset' && fault.kind !== 'hang') return faultResponse(fault)
  const url = c.get('url')
  runtime.requests.push({ method: c.req.method, path: url.pathname, search: url.search, status: 0 })
  c.set('logged', true)
  const socket = c.env?.incoming?.socket
  if (fault.kind === 'hang')
    await new Promise<void>((resolve) => {
      const done = () => {
        off()
        socket?.off('close', done)
        resolve()
      }
      const off = runtime.closing.on(done)
      socket?.once('close', done)
    })
  if (!socket) return brokenResponse()
  socket.destroy()
  return new Response(null, { status: 204 }) // goes nowhere: the socket is gone
}

export function buildApp(runtime: Runtime): Hono<HorizonEnv> {
  const app = new Hono<HorizonEnv>()
  const dispatch = dispatcher(runtime)
  const version = runtime.options.version

  app.use('*', async (c, next) => {
    const common = { 'x-request-id': requestIdOf(c.req.header('x-request-id')), 'x-application-version': version }
    c.set('common', common)
    const url = new URL(c.req.url) // once per request: the log and the routes read it
    c.set('url', url)
    await next()
    // The routes' answers carry them already (see `dispatcher`); the rest (docs, control, faults,
    // CORS preflights, 413) get them here.
    if (!c.get('headed')) for (const [name, value] of Object.entries(common)) c.res.headers.set(name, value)
    if (!isControl(url.pathname) && !c.get('logged'))
      runtime.requests.push({ method: c.req.method, path: url.pathname, search: url.search, status: c.res.status })
  })

  if (runtime.options.cors) app.use('*', cors(runtime.options.cors))

  // The body limit. Content-Length over it: 413 before a byte is read (Node's parser holds the body to
  // its Content-Length). Chunked: hono/body-limit counts it as it arrives, 413 on the byte that passes
  // the limit. GET and HEAD bodies are never read (Node's adapter gives them none). Only chunked
  // bodies go through hono's middleware, which materializes the adapter's lightweight Request.
  const limit = runtime.options.bodyLimit
  const tooLarge = () => errorResponse(payloadTooLarge(limit))
  const chunked = bodyLimit({ maxSize: limit, onError: tooLarge })
  app.use('*', (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const length = c.req.header('content-length')
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return chunked(c, next)
    return Number(length) > limit ? Promise.resolve(tooLarge()) : next()
  })

  if (runtime.options.control)
    app.use(`${CONTROL_PREFIX}/*`, async (c, next) => (await control(runtime, c.req.raw, c.req.path)) ?? next())

  // Latency, faults, docs and the routes in one handler: a middleware each cost a frame per request.
  app.all('*', async (c) => {
    if (runtime.latencyMs > 0) await runtime.sleep(runtime.latencyMs)
    const fault = runtime.faults.take(c.req.method, c.req.path, c.req.url)
    if (fault) return injected(c, runtime, fault)
    const doc = await docs(c.req.raw, c.req.path)
    if (doc) return doc
    const answer = await dispatch(c.req.raw, c.get('common'), c.get('url'))
    c.set('headed', true)
    return answer
  })

  // A client gone mid-body (read by a route, or by the body limit) is not an error: no log line,
  // no 500 written into a closed socket. The request log records status 0 (no answer sent).
  app.onError((error, c) => {
    if (error instanceof ClientGone || incomingBroken(c.env)) {
      const url = c.get('url') ?? new URL(c.req.url)
      runtime.requests.push({ method: c.req.method, path: url.pathname, search: url.search, status: 0 })
      c.set('logged', true)
      return new Response(null, { status: 499 }) // goes nowhere: the socket is closed
    }
    console.error('[horizon-server] unhandled error:', error)
    return errorResponse(error)
  })
  return app
}

/**
 * The Horizon app alone, to embed in another Hono app or serve with any adapter.
 * Faults, latency and the request log live inside it; use {@link startHorizonServer} to control them.
 * @example
 * ```ts
 * import { serve } from '@hono/node-server'
 * serve({ fetch: createHorizonApp({ seed: 'demo' }).fetch, port: 8000 })
 * ```
 */
export function createHorizonApp(options: HorizonServerOptions = {}): Hono<HorizonEnv> {
  // The data log needs a file system; silently keeping nothing would lose a user's data.
  if (options.data !== undefined)
    throw new TypeError('createHorizonApp keeps its data in memory: `data` needs startHorizonServer (Node)')
  return buildApp(new Runtime(resolveOptions(options)))
}
