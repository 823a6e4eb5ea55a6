/**
 * A loopback HTTP proxy that injects the faults the dev server cannot: the ones that happen AFTER
 * the server committed a write. It forwards the request, waits for the whole answer (so the route
 * ran and the write is in), then drops the connection, cuts the answer short, stalls it, slows it
 * down or rewrites it. Only these faults show a re-sent write as a duplicate.
 *
 * Faults come from rules (method, path, rate drawn from a seeded PRNG, or a number of times) or
 * from a request header `x-proxy-fault: <kind>` for a fault on one chosen call.
 */
import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type ProxyFaultKind =
  /** forward, then close the connection without an answer */
  | 'drop'
  /** forward, send the headers (full Content-Length) and part of the body, then close */
  | 'truncate'
  /** forward, send a shortened body that ends cleanly (Content-Length of the part): truncated JSON */
  | 'cut'
  /** forward, then never send the headers (until the client closes) */
  | 'stall-headers'
  /** forward, send the headers and part of the body, then nothing more (until the client closes) */
  | 'stall-body'
  /** forward, wait `delayMs`, then answer normally */
  | 'delay'
  /** forward, send the headers and part of the body, wait `delayMs`, then the rest */
  | 'slow-body'
  /** forward, answer `rewrite(body)` with a correct Content-Length */
  | 'rewrite'

export interface ProxyRule {
  method?: string
  /** exact path (no query) or a pattern */
  path?: string | RegExp
  kind: ProxyFaultKind
  /** fraction of matching requests, drawn from the proxy's seeded PRNG (default: every one) */
  rate?: number
  /** at most this many times (default: unlimited) */
  times?: number
  /** part of the body that goes out for truncate / cut / stall-body / slow-body: a fraction or a byte count function */
  keep?: number | ((body: string) => number)
  delayMs?: number
  rewrite?: (body: string) => string
  /** for rewrite: the status to answer instead of the server's */
  status?: number
}

/** What the server answered, before any fault: lets a test read the tokens it issued. */
export interface UpstreamAnswer {
  method: string
  path: string
  status: number
  body: string
}

export interface FaultProxy {
  readonly url: string
  rules: ProxyRule[]
  /** faults applied, by kind */
  readonly fired: Record<string, number>
  /** requests proxied */
  readonly count: { requests: number }
  /** requests received whose answer is not finished (sent or abandoned) */
  active(): number
  /** client connections open now */
  connections(): number
  /** what the open client connections are doing (for a failure message) */
  describeConnections(): string[]
  /** upstream sockets held by the proxy's agent: busy and idle */
  upstream(): { busy: number; idle: number }
  onAnswer?: (answer: UpstreamAnswer) => void
  /** a request was read whole and is being forwarded */
  onForward?: (request: IncomingMessage) => void
  /** closes the keep-alive connections that carry no request (including ones that never carried any) */
  closeIdle(): void
  /** resolves once nothing is in flight (bounded: rejects after `timeoutMs`) */
  waitIdle(timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

/** mulberry32: a small seeded PRNG, so a run's fault pattern can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'proxy-connection', 'upgrade'])
const copyHeaders = (h: IncomingHttpHeaders): Record<string, string | string[]> => {
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(h)) if (v !== undefined && !HOP.has(k)) out[k] = v
  return out
}

const keepOf = (rule: Pick<ProxyRule, 'keep'>, body: Buffer): number => {
  const keep = rule.keep ?? 0.5
  const n = typeof keep === 'function' ? keep(body.toString('utf8')) : Math.floor(body.length * keep)
  return Math.max(0, Math.min(body.length - 1, n))
}

/** Starts the proxy on 127.0.0.1 (a free port) in front of `target` (`http://127.0.0.1:PORT`). */
export async function startProxy(
  target: string,
  options: { seed?: number; rules?: ProxyRule[]; upstreamKeepAlive?: boolean } = {},
): Promise<FaultProxy> {
  const upstreamUrl = new URL(target)
  const random = prng(options.seed ?? 1)
  const agent = new Agent({ keepAlive: options.upstreamKeepAlive ?? true, maxSockets: 256 })
  const sockets = new Set<Socket>()
  /** sockets with a request in progress */
  const busy = new Set<Socket>()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const fired: Record<string, number> = {}
  const count = { requests: 0 }
  const used = new Map<ProxyRule, number>()
  let active = 0

  const pick = (req: IncomingMessage, path: string): ProxyRule | undefined => {
    const forced = req.headers['x-proxy-fault']
    if (typeof forced === 'string') {
      const delay = Number(req.headers['x-proxy-delay'] ?? 200)
      return { kind: forced as ProxyFaultKind, delayMs: delay }
    }
    for (const rule of proxy.rules) {
      if (rule.method && rule.method !== req.method) continue
      if (typeof rule.path === 'string' && rule.path !== path) continue
      if (rule.path instanceof RegExp && !rule.path.test(path)) continue
      if (rule.times !== undefined && (used.get(rule) ?? 0) >= rule.times) continue
      if (rule.rate !== undefined && random() >= rule.rate) continue
      used.set(rule, (used.get(rule) ?? 0) + 1)
      return rule
    }
    return undefined
  }

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t)
      fn()
    }, ms)
    timers.add(t)
    return t
  }

  const answer = (rule: ProxyRule | undefined, res: ServerResponse, up: IncomingMessage, body: Buffer) => {
    const socket = res.socket
    if (!socket || socket.destroyed) return
    const headers = copyHeaders(up.headers)
    const status = up.statusCode ?? 502
    if (rule) fired[rule.kind] = (fired[rule.kind] ?? 0) + 1
    switch (rule?.kind) {
      case undefined:
        res.writeHead(status, { ...headers, 'content-length': body.length })
        res.end(body)
        return
      case 'drop':
        socket.destroy()
        return
      case 'truncate':
        res.writeHead(status, { ...headers, 'content-length': body.length })
        res.write(body.subarray(0, keepOf(rule, body)), () => socket.destroy())
        return
      case 'cut': {
        const part = body.subarray(0, keepOf(rule, body))
        res.writeHead(status, { ...headers, 'content-length': part.length })
        res.end(part)
        return
      }
      case 'stall-headers':
        return // the client times out or aborts, which closes the socket
      case 'stall-body':
        res.writeHead(status, { ...headers, 'content-length': body.length })
        res.write(body.subarray(0, keepOf(rule, body)))
        return
      case 'delay':
        later(rule.delayMs ?? 200, () => {
          if (socket.destroyed) return
          res.writeHead(status, { ...headers, 'content-length': body.length })
          res.end(body)
        })
        return
      case 'slow-body': {
        const keep = keepOf(rule, body)
        res.writeHead(status, { ...headers, 'content-length': body.length })
        res.write(body.subarray(0, keep))
        later(rule.delayMs ?? 200, () => {
          if (!socket.destroyed) res.end(body.subarray(keep))
        })
        return
      }
      case 'rewrite': {
        const text = Buffer.from(rule.rewrite ? rule.rewrite(body.toString('utf8')) : body.toString('utf8'))
        res.writeHead(rule.status ?? status, { ...headers, 'content-length': text.length })
        res.end(text)
        return
      }
    }
  }

  const server = createServer((req, res) => {
    count.requests++
    active++
    const socket = req.socket
    busy.add(socket)
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      active--
      busy.delete(socket)
    }
    res.on('close', finish)
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('error', () => res.socket?.destroy())
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!
      const rule = pick(req, path)
      const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: upstreamUrl.host }
      delete headers['x-proxy-fault']
      delete headers['x-proxy-delay']
      proxy.onForward?.(req)
      let upDone = false
      const up = request(
        { host: upstreamUrl.hostname, port: upstreamUrl.port, method: req.method, path: req.url, headers, agent },
        (upRes) => {
          const body: Buffer[] = []
          upRes.on('data', (c: Buffer) => body.push(c))
          upRes.on('error', () => res.socket?.destroy())
          upRes.on('end', () => {
            upDone = true
            const all = Buffer.concat(body)
            proxy.onAnswer?.({
              method: req.method ?? 'GET',
              path,
              status: upRes.statusCode ?? 0,
              body: all.toString('utf8'),
            })
            answer(rule, res, upRes, all)
          })
        },
      )
      // The server reset or hung up: the client sees the same.
      up.on('error', () => res.socket?.destroy())
      // The client left (timeout, abort): the server's side goes too, as a real proxy's would.
      res.on('close', () => {
        if (!upDone) up.destroy()
      })
      up.end(Buffer.concat(chunks))
    })
  })
  server.keepAliveTimeout = 5_000
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const countSockets = (m: NodeJS.ReadOnlyDict<Socket[]>) => Object.values(m).reduce((n, l) => n + (l?.length ?? 0), 0)

  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    rules: options.rules ?? [],
    fired,
    count,
    active: () => active,
    connections: () => sockets.size,
    describeConnections: () =>
      [...sockets].map((s) => {
        const state = busy.has(s) ? 'a request in progress' : 'idle'
        return `:${s.remotePort} ${s.readyState}, read ${s.bytesRead} B, written ${s.bytesWritten} B, ${state}`
      }),
    upstream: () => ({ busy: countSockets(agent.sockets), idle: countSockets(agent.freeSockets) }),
    closeIdle: () => {
      for (const s of sockets) if (!busy.has(s)) s.destroy()
    },
    async waitIdle(timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs
      while (active > 0) {
        if (Date.now() > until) throw new Error(`proxy still has ${active} requests in flight after ${timeoutMs} ms`)
        await new Promise((r) => setTimeout(r, 10))
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t)
        server.close(() => resolve())
        server.closeAllConnections()
        agent.destroy()
      }),
  }
  return proxy
}
