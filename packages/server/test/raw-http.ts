/** Raw HTTP over node:net for the hostile-client tests: bytes in, the server's bytes out. */
import { connect, type Socket } from 'node:net'

export interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

/** Opens a socket to `port` on 127.0.0.1, resolved once connected. */
export function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.off('error', reject)
      resolve(socket)
    })
    socket.once('error', reject)
  })
}

/** Everything the server writes until it closes the connection ('' if it closed without a word). */
export function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let out = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      out += chunk
    })
    socket.on('error', () => {}) // a reset is an answer too: what came before it is returned
    socket.once('close', () => resolve(out))
  })
}

/** Parses one HTTP/1.1 answer (status line, headers, body as sent). */
export function parseAnswer(raw: string): RawAnswer {
  const end = raw.indexOf('\r\n\r\n')
  if (end < 0) throw new Error(`no complete answer: ${JSON.stringify(raw.slice(0, 200))}`)
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const body = Buffer.from(raw.slice(end + 4), 'latin1').toString('utf8')
  return { status: Number(statusLine!.split(' ')[1]), headers, body }
}

/** Sends `data` (a complete request with `Connection: close`) and parses the answer. */
export async function exchange(port: number, data: string | Uint8Array): Promise<RawAnswer> {
  const socket = await open(port)
  const all = readAll(socket)
  socket.write(data)
  return parseAnswer(await all)
}

/** A request's head and body as bytes: `Content-Length` from the body, `Connection: close`. */
export function request(method: string, target: string, body?: Uint8Array | string, headers: string[] = []): Buffer {
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(body)
  const head = [
    `${method} ${target} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...(body === undefined ? [] : [`Content-Length: ${bytes.length}`]),
    ...headers,
    '',
    '',
  ].join('\r\n')
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes])
}
