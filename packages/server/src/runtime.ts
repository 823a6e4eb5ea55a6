/** Everything one server instance holds: data, secret, faults, latency, request log. */
import { setMaxListeners } from 'node:events'
import { randomSecret } from './auth.js'
import { Clock } from './clock.js'
import { FaultController } from './faults.js'
import type { ResolvedOptions, SeedName } from './options.js'
import { RequestLog } from './request-log.js'
import { seedTables } from './seed.js'
import { Store, type UserRow } from './store.js'

export class Runtime {
  readonly store: Store
  readonly faults = new FaultController()
  readonly requests: RequestLog
  /** Aborted by `close()`: wakes hanging and sleeping requests so the server can stop promptly. */
  readonly closing = new AbortController()
  latencyMs: number
  secret = ''

  constructor(readonly options: ResolvedOptions) {
    this.latencyMs = options.latencyMs
    this.requests = new RequestLog(options.requestLogSize)
    // Every sleeping or hanging request listens; many at once is expected, not a leak.
    setMaxListeners(0, this.closing.signal)
    this.store = new Store(new Clock())
    this.reset(options.seed)
  }

  /**
   * Wipes the data and reseeds. A random secret is renewed too: ids restart, so a token issued before
   * would otherwise name whoever now holds its user id.
   */
  reset(seed: SeedName = this.options.seed): void {
    if (seed !== 'empty' && seed !== 'demo')
      throw new TypeError(`Unknown seed '${String(seed)}': use 'empty' or 'demo'`)
    this.store.replace(seedTables(seed, this.store.clock))
    this.secret = this.options.secret ?? randomSecret()
  }

  isSuperadmin(user: UserRow): boolean {
    return this.options.superadmins.has(user.username)
  }

  /** Resolves after `ms`, or at once when the server closes. */
  sleep(ms: number): Promise<void> {
    const signal = this.closing.signal
    if (ms <= 0 || signal.aborted) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        resolve()
      }
      signal.addEventListener('abort', done)
    })
  }
}
