/**
 * A raw HTTP client for the comparison: node:http, one connection per request (the real Horizon
 * may close a keep-alive connection after a 500 without saying so), no header added but Host and,
 * for a body, Content-Length. Bodies come back as bytes decoded as UTF-8.
 */
import { request as httpRequest } from 'node:http'

/**
 * Sends one request. `body` is a string (sent as UTF-8) or undefined (no body, no Content-Length).
 * @returns {Promise<{ status: number, headers: Record<string, string>, body: string, bytes: number }>}
 */
export function send(base, { method, path, headers = {}, body }) {
  const url = new URL(path, base)
  const data = body === undefined ? undefined : Buffer.from(body, 'utf8')
  const all = { ...headers }
  if (data !== undefined) all['content-length'] = String(data.length)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        method,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers: all,
        agent: false,
      },
      (res) => {
        const chunks = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () => {
          const buffer = Buffer.concat(chunks)
          const out = {}
          for (const [key, value] of Object.entries(res.headers))
            out[key] = Array.isArray(value) ? value.join(', ') : String(value)
          resolve({ status: res.statusCode ?? 0, headers: out, body: buffer.toString('utf8'), bytes: buffer.length })
        })
        res.on('error', reject)
      },
    )
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${path}`)))
    req.on('error', reject)
    if (data !== undefined) req.write(data)
    req.end()
  })
}
