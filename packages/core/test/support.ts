/** Test helpers: a scripted fetch for faults injected on purpose, and unsigned JWTs for auth tests. */
export interface Scripted {
  fetch: typeof fetch
  calls: Array<{ method: string; url: string; headers: Headers; body: unknown }>
}

/** A fetch that answers from a script, one response per call (the last repeats). */
export function scriptedFetch(...responses: Array<() => Response>): Scripted {
  const calls: Scripted['calls'] = []
  let i = 0
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: new Headers(init?.headers),
      body: init?.body,
    })
    const make = responses[Math.min(i++, responses.length - 1)]!
    return make()
  }
  return { fetch: fn as typeof fetch, calls }
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    })

export const envelope = (status: number, code: string, message: string, details: unknown = null, headers = {}) =>
  json(status, { error: { code, message, details } }, headers)

const b64 = (x: object) => Buffer.from(JSON.stringify(x)).toString('base64url')
/** An unsigned JWT with the given claims (the client never checks signatures). */
export const jwt = (claims: object) => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.c2ln`

/** What a `rawServer` saw of one request. */
export interface RawRequest {
  method: string
  url: string
  headers: import('node:http').IncomingHttpHeaders
  /** the body exactly as sent, as text */
  body: string
}

/**
 * A node:http server on 127.0.0.1 that answers from `answer` with raw text (so a test controls
 * every digit on the wire) and records each request's raw body.
 */
export async function rawServer(
  answer: (req: RawRequest) => { status?: number; body?: string; headers?: Record<string, string> },
): Promise<{ url: string; requests: RawRequest[]; close: () => Promise<void> }> {
  const { createServer } = await import('node:http')
  const requests: RawRequest[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      body += chunk
    })
    req.on('end', () => {
      const seen = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body }
      requests.push(seen)
      const a = answer(seen)
      res.writeHead(a.status ?? 200, { 'content-type': 'application/json', ...a.headers })
      res.end(a.body ?? '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as import('node:net').AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
