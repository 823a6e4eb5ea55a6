import { HorizonError } from '../horizon/errors.js'
import type { AuthContext } from '../transport/types.js'
import { envelope } from './responses.js'
import type { HorizonSession } from './session.js'

/** Request headers the proxy passes on: the browser's Cookie and Authorization never are. */
const REQUEST_HEADERS = ['content-type', 'accept', 'x-request-id']
/** Horizon's answer headers the browser gets: never a Set-Cookie. */
const RESPONSE_HEADERS = ['content-type', 'x-request-id', 'x-application-version', 'retry-after', 'allow']
/** Statuses whose answer must have no body. */
const NULL_BODY = new Set([101, 204, 205, 304])

/**
 * True for Horizon's login routes (`/v1/auth/…`), however spelled (case, doubled or encoded
 * slashes): a token answer must never reach page scripts.
 */
export function isTokenRoute(path: string): boolean {
  let decoded = path
  try {
    decoded = decodeURIComponent(path)
  } catch {}
  const normal = decoded.toLowerCase().replace(/\/{2,}/g, '/')
  return normal === '/v1/auth' || normal.startsWith('/v1/auth/')
}

/** What `forward` needs besides the request. */
export interface ForwardTarget {
  horizonUrl: string
  /** the proxy's public URL, for a `Location` Horizon answers */
  publicBase: string
  maxBodyBytes: number
}

/** The body, read once so that a retry after a new login sends the same bytes; undefined when too large. */
async function bufferedBody(request: Request, limit: number): Promise<ArrayBuffer | null | undefined> {
  if (!request.body || request.method === 'GET' || request.method === 'HEAD') return null
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > limit) return undefined
  const bytes = await request.arrayBuffer()
  return bytes.byteLength > limit ? undefined : bytes
}

/** A refused login or an unreachable Horizon, as the proxy answers it. */
function authFailure(error: unknown): Response {
  if (error instanceof HorizonError && error.status === 401)
    return envelope(401, 'unauthorized', 'The session could not log in to Horizon again')
  return envelope(502, 'service_unavailable', 'Horizon could not be reached')
}

/**
 * Sends `request` (its path below the proxy being `rest`, with the query) to Horizon with the
 * session's `Authorization`; after a 401, a session that can log in again (a password session)
 * does so once and the request is sent again.
 */
export async function forward(
  request: Request,
  rest: string,
  session: HorizonSession,
  target: ForwardTarget,
): Promise<Response> {
  const body = await bufferedBody(request, target.maxBodyBytes)
  if (body === undefined) return envelope(413, 'payload_too_large', 'Request body too large')
  const headers = new Headers()
  for (const name of REQUEST_HEADERS) {
    const value = request.headers.get(name)
    if (value !== null) headers.set(name, value)
  }
  const { auth, client } = session
  const ctx: AuthContext = {
    send: (spec, options) => client.transport.send(spec, options).then((r) => r.data as never),
    signal: request.signal,
  }
  const send = async (authorization: string | undefined) => {
    const sent = new Headers(headers)
    if (authorization) sent.set('authorization', authorization)
    return fetch(target.horizonUrl + rest, {
      method: request.method,
      headers: sent,
      body,
      redirect: 'manual',
      signal: request.signal,
    })
  }
  // A failed new login passes the 401 on, as a session that cannot log in again does.
  const renewed = (c: AuthContext, rejected: string | undefined) =>
    Promise.resolve()
      .then(() => auth.refresh?.(c, rejected) ?? false)
      .catch(() => false)
  let answer: Response
  try {
    let header = await auth.header(ctx)
    answer = await send(header)
    if (answer.status === 401 && (await renewed(ctx, header))) {
      await answer.body?.cancel()
      header = await auth.header(ctx)
      answer = await send(header)
    }
  } catch (error) {
    return authFailure(error)
  }
  return relay(answer, target)
}

/** Horizon's answer for the browser: status, body and the listed headers only. */
function relay(answer: Response, target: ForwardTarget): Response {
  const headers = new Headers({ 'cache-control': 'no-store' })
  for (const name of RESPONSE_HEADERS) {
    const value = answer.headers.get(name)
    if (value !== null) headers.set(name, value)
  }
  // A redirect within Horizon (a trailing slash) points at the proxy instead.
  const location = answer.headers.get('location')
  if (location !== null) {
    const url = new URL(location, `${target.horizonUrl}/`)
    if (url.href.startsWith(`${target.horizonUrl}/`))
      headers.set('location', target.publicBase + url.href.slice(target.horizonUrl.length))
  }
  return new Response(NULL_BODY.has(answer.status) ? null : answer.body, { status: answer.status, headers })
}
