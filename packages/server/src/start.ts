/** Starting and stopping a real HTTP server around the app. */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { buildApp } from './app.js'
import { randomSecret } from './auth.js'
import { Clock } from './clock.js'
import type { FaultController } from './faults.js'
import { type HorizonServerOptions, resolveOptions, type Seed } from './options.js'
import type { RequestLogEntry } from './request-log.js'
import { Runtime } from './runtime.js'
import { seedTables } from './seed.js'
import { openDataLog } from './storage/data-log.js'

/** A running server. */
export interface HorizonServer {
  /** `http://HOST:PORT`, no trailing slash. */
  readonly url: string
  readonly port: number
  /** Fault injection: `add`, `remove`, `clear`, `list`. */
  readonly faults: FaultController
  /**
   * The newest requests served (`requestLogSize`, default 1,000), oldest first, control API calls
   * excluded. A copy taken on each read.
   */
  readonly requests: RequestLogEntry[]
  clearRequests(): void
  /** Delay added to every later request. */
  setLatency(ms: number): void
  /** Wipes the data and reseeds (default: the seed the server started with). Faults and latency stay. */
  reset(seed?: Seed): void
  /** Stops listening and closes every connection, hanging ones included. */
  close(): Promise<void>
}

/**
 * The largest request head (request line and headers) read; a larger one answers 431. The real
 * Horizon (uvicorn) serves a 64 KB URL; Node's default, 16 KiB, is less than a GET whose 2048-character
 * name filter is percent-encoded (up to 24 KB).
 */
const MAX_HEADER_SIZE = 256 * 1024

/** The runtime, from `data` when given: its log opened (created from the seed when new) and attached. */
function openRuntime(options: ReturnType<typeof resolveOptions>): Runtime {
  if (options.data === undefined) return new Runtime(options)
  let runtime: Runtime | undefined
  const { log, loaded } = openDataLog(
    options.data,
    () => seedTables(options.seed, new Clock()),
    options.secret,
    randomSecret,
    { tables: () => runtime!.store.tables, secret: () => runtime!.keptSecret },
  )
  runtime = new Runtime(options, { log, restored: loaded })
  runtime.store.persistTo(log)
  return runtime
}

/**
 * Starts a Horizon-compatible server.
 * @example
 * ```ts
 * const server = await startHorizonServer({ port: 0, seed: 'demo' })
 * const res = await fetch(`${server.url}/monitoring/ping`) // {"status":"ok"}
 * server.faults.add({ path: '/v1/namespaces/', kind: 'status', status: 503, times: 2 })
 * await server.close()
 * ```
 */
export async function startHorizonServer(options: HorizonServerOptions = {}): Promise<HorizonServer> {
  const resolved = resolveOptions(options)
  const runtime = openRuntime(resolved)
  const app = buildApp(runtime)
  const server = createAdaptorServer({
    fetch: app.fetch,
    hostname: resolved.host,
    serverOptions: { maxHeaderSize: MAX_HEADER_SIZE },
  }) as Server
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      runtime.closeData() // the data file is free again for the next try
      reject(error)
    })
    // A deep accept queue, so a burst of a thousand connections is not dropped on loopback.
    server.listen({ port: resolved.port, host: resolved.host, backlog: 4096 }, () => {
      server.removeAllListeners('error')
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host
  let closed: Promise<void> | undefined
  return {
    url: `http://${host}:${port}`,
    port,
    faults: runtime.faults,
    get requests() {
      return runtime.requests.entries()
    },
    clearRequests: () => runtime.requests.clear(),
    setLatency: (ms) => {
      runtime.latencyMs = Math.max(0, ms)
    },
    reset: (seed) => runtime.reset(seed),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        runtime.closing.close()
        server.close(() => {
          runtime.closeData()
          resolve()
        })
        server.closeAllConnections()
      })
      return closed
    },
  }
}
