/** A node:http server on 127.0.0.1:0 that serves a Web `Request` → `Response` handler, as an app server would. */
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Served {
  url: string
  close(): Promise<void>
}

/** The Web request of a node:http one (body read whole); its signal aborts when the client goes away. */
async function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (value !== undefined) headers.set(name, value)
  }
  const method = req.method ?? 'GET'
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks)
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body, signal })
}

/** Serves `handler`; a handler answering undefined gets a 404. */
export async function serve(handler: (request: Request) => Promise<Response | undefined> | Response): Promise<Served> {
  let origin = ''
  const server = createServer(async (req, res) => {
    const controller = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) controller.abort()
    })
    try {
      const answer =
        (await handler(await toRequest(req, origin, controller.signal))) ?? new Response(null, { status: 404 })
      const headers: Record<string, string | string[]> = {}
      answer.headers.forEach((value, name) => {
        if (name !== 'set-cookie') headers[name] = value
      })
      const cookies = answer.headers.getSetCookie()
      if (cookies.length) headers['set-cookie'] = cookies
      res.writeHead(answer.status, headers)
      if (answer.body) for await (const chunk of answer.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk)
      res.end()
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
