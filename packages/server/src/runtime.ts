/** Everything one server instance holds: data, secret, faults, latency, request log. */
import { randomSecret, Tokens } from './auth.js'
import { Clock } from './clock.js'
import { Closing } from './closing.js'
import { FaultController } from './faults.js'
import type { ResolvedOptions } from './options.js'
import { RequestLog } from './request-log.js'
import { checkSeed, type Seed, seedTables } from './seed.js'
import { Store, type Tables, type UserRow, userByName } from './store.js'
import { TrustedIssuer } from './trusted-issuer.js'

/** The data log as the runtime needs it (the Node-only `DataLog` of `--data`), kept out of browser code. */
export interface Persistence {
  rewrite(tables: Tables, secret: string | undefined): void
  close(): void
}

/** What `--data` held at start: the tables, the kept secret and the newest timestamp. */
export interface Restored {
  tables: Tables
  secret: string | undefined
  newest: number
}

export class Runtime {
  readonly store: Store
  readonly faults = new FaultController()
  readonly requests: RequestLog
  /** Closed by `close()`: wakes hanging and sleeping requests so the server can stop promptly. */
  readonly closing = new Closing()
  latencyMs: number
  /** Issues and verifies tokens with this instance's secret. */
  tokens!: Tokens
  /** The OpenID provider whose access tokens are accepted too (`trustIssuer`); kept across resets. */
  readonly trusted: TrustedIssuer | undefined
  #secret = ''
  #persistence: Persistence | undefined

  /**
   * Starts from `restored` when given (`--data` held data), else from the seed.
   * @param persistence the data log, already holding the starting tables
   */
  constructor(
    readonly options: ResolvedOptions,
    persistence?: { log: Persistence; restored: Restored },
  ) {
    this.latencyMs = options.latencyMs
    this.requests = new RequestLog(options.requestLogSize)
    this.store = new Store(new Clock())
    this.trusted = options.trustIssuer && new TrustedIssuer(options.trustIssuer)
    if (!persistence) {
      this.reset(options.seed)
      return
    }
    const { log, restored } = persistence
    this.store.replace(restored.tables)
    this.store.clock.observe(restored.newest)
    this.#secret = options.secret ?? restored.secret ?? randomSecret()
    this.tokens = new Tokens(this.#secret)
    this.#persistence = log
  }

  /**
   * Wipes the data and reseeds. A random secret is renewed too: ids restart, so a token issued before
   * would otherwise name whoever now holds its user id. With `--data`, the log starts over.
   */
  reset(seed: Seed = this.options.seed): void {
    const tables = seedTables(checkSeed(seed), this.store.clock)
    const secret = this.options.secret ?? randomSecret()
    this.#persistence?.rewrite(tables, this.options.secret === undefined ? secret : undefined)
    this.store.replace(tables)
    this.#secret = secret
    this.tokens = new Tokens(secret)
  }

  /** The secret the data log keeps: a random one; never a configured one. */
  get keptSecret(): string | undefined {
    return this.options.secret === undefined ? this.#secret : undefined
  }

  /**
   * The user of a valid access token of the trusted issuer, created on first sight as a login creates
   * one (and durable before it is answered, with `--data`); undefined for any other token.
   */
  async trustedUser(token: string): Promise<UserRow | undefined> {
    const username = await this.trusted?.usernameOf(token)
    if (username === undefined) return undefined
    // The tables are read after the await: a reset meanwhile gets the user in the new ones.
    const known = this.store.tables.userIds.get(username)
    if (known !== undefined) return this.store.tables.users.get(known)
    const user = this.store.transaction((t) => userByName(t, username))
    await this.store.durable()
    return user
  }

  isSuperadmin(user: UserRow): boolean {
    return this.options.superadmins.has(user.username)
  }

  /** Resolves after `ms`, or at once when the server closes. */
  sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.closing.closed) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      const off = this.closing.on(done)
      function done() {
        clearTimeout(timer)
        off()
        resolve()
      }
    })
  }

  /** Stops the data log (the server is closing). */
  closeData(): void {
    this.#persistence?.close()
    this.#persistence = undefined
  }
}
