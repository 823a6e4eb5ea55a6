/** A recording server in front of Horizon: what reached Horizon's side, headers and bodies exactly. */
import { type Served, serve } from './http.js'

export interface Recorded {
  method: string
  /** path and query */
  path: string
  headers: Headers
  body: string
}

export interface Recorder extends Served {
  requests: Recorded[]
}

/** Headers of the hop to the recorder, not of the request. */
const HOP = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding'])

/** Forwards everything to `horizonUrl` unchanged and records each request; `answerHeaders` are added to every answer. */
export async function recorder(horizonUrl: string, answerHeaders: Record<string, string> = {}): Promise<Recorder> {
  const requests: Recorded[] = []
  const served = await serve(async (request) => {
    const url = new URL(request.url)
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
    requests.push({ method: request.method, path: url.pathname + url.search, headers: request.headers, body })
    const headers = new Headers()
    request.headers.forEach((value, name) => {
      if (!HOP.has(name)) headers.set(name, value)
    })
    const answer = await fetch(horizonUrl + url.pathname + url.search, {
      method: request.method,
      headers,
      body: body || undefined,
      redirect: 'manual',
    })
    const out = new Headers(answer.headers)
    out.delete('content-length')
    out.delete('content-encoding')
    for (const [name, value] of Object.entries(answerHeaders)) out.append(name, value)
    return new Response(answer.body, { status: answer.status, headers: out })
  })
  return { ...served, requests }
}
