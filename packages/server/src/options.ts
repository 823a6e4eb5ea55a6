import { type CorsOptions, type ResolvedCors, resolveCors } from './cors-options.js'

export type { CorsOptions, CorsPreset, CorsSettings } from './cors-options.js'

import type { Seed } from './seed.js'
import { checkSeed } from './seed.js'
import { type ResolvedTrustIssuer, resolveTrustIssuer, type TrustIssuerOptions } from './trust-issuer-options.js'
import { wholeNumber } from './whole-number.js'

export type { Seed, SeedName } from './seed.js'
export type { BulkSeed } from './seed-bulk.js'
export type { TrustIssuerOptions } from './trust-issuer-options.js'

/**
 * Options of {@link startHorizonServer} and {@link createHorizonApp}. Every field is optional.
 * @example
 * ```ts
 * const server = await startHorizonServer({ port: 0, seed: 'demo', tokenTtlSeconds: 60 })
 * ```
 */
export interface HorizonServerOptions {
  /** TCP port; 0 (the default) picks a free one, read it back from `server.port`. */
  port?: number
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string
  /** Initial data. Default `'empty'`. */
  seed?: Seed
  /**
   * A file (or a directory, which gets `horizon-data.jsonl`) that keeps the data across restarts: an
   * append-only log, fsynced before a write is answered. When it exists the server starts from it and
   * `seed` is ignored; when it does not, it is created from `seed`. Node only. Default: memory only.
   */
  data?: string
  /** Lifetime of issued tokens in seconds. Default 36000 (10 hours, as Horizon). */
  tokenTtlSeconds?: number
  /** Usernames that are superadmins. Default `['admin']` with the demo seed, none otherwise. */
  superadmins?: string[]
  /** HS256 secret of the tokens. Default: random, renewed by `reset()`. */
  secret?: string
  /**
   * CORS: `'dev'` (the default: the Vite dev and preview servers on localhost may call), `'horizon'`
   * (Horizon 1.1.3's defaults: no origin), `false` (off), or Horizon's settings over a preset.
   */
  cors?: CorsOptions
  /** Delay added to every request, in milliseconds. Default 0. */
  latencyMs?: number
  /** Expose the test-control API under `/__control/`. Never in production. Default false. */
  control?: boolean
  /** Value of the `X-Application-Version` header. Default `'1.1.3'`. */
  version?: string
  /**
   * Largest request body accepted, in bytes; a larger one answers 413 `payload_too_large` without
   * being read. Default 4 MiB (4,194,304).
   */
  bodyLimit?: number
  /** How many requests `server.requests` keeps, the oldest dropped first; 0 keeps none. Default 1,000. */
  requestLogSize?: number
  /**
   * Accept the access tokens of an OpenID provider too, as the gateway in front of a real Horizon
   * would: verified with the provider's JWKS, the user named by a claim (`preferred_username` by
   * default) and created on first sight. The server's own tokens keep working. Default: none.
   * @example
   * ```ts
   * await startHorizonServer({ trustIssuer: { issuer: 'http://localhost:8080/realms/etl', audience: 'horizon' } })
   * ```
   */
  trustIssuer?: TrustIssuerOptions
}

/** The options with every default applied. */
export interface ResolvedOptions {
  port: number
  host: string
  seed: Seed
  data: string | undefined
  tokenTtlSeconds: number
  superadmins: ReadonlySet<string>
  secret: string | undefined
  /** undefined: CORS off */
  cors: ResolvedCors | undefined
  latencyMs: number
  control: boolean
  version: string
  bodyLimit: number
  requestLogSize: number
  trustIssuer: ResolvedTrustIssuer | undefined
}

/** 4 MiB: the default `bodyLimit`. */
export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024
/** The default `requestLogSize`. */
export const DEFAULT_REQUEST_LOG_SIZE = 1000

export function resolveOptions(options: HorizonServerOptions = {}): ResolvedOptions {
  const seed = checkSeed(options.seed ?? 'empty')
  if (options.data !== undefined && (typeof options.data !== 'string' || !options.data))
    throw new TypeError('data must be a path')
  if (options.secret !== undefined && (typeof options.secret !== 'string' || !options.secret))
    throw new TypeError('secret must be a non-empty string')
  const ttl = options.tokenTtlSeconds ?? 36000
  if (!(ttl > 0)) throw new TypeError('tokenTtlSeconds must be a positive number')
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    seed,
    data: options.data,
    tokenTtlSeconds: ttl,
    superadmins: new Set(options.superadmins ?? (seed === 'demo' ? ['admin'] : [])),
    secret: options.secret,
    cors: resolveCors(options.cors),
    latencyMs: Math.max(0, options.latencyMs ?? 0),
    control: options.control ?? false,
    version: options.version ?? '1.1.3',
    bodyLimit: wholeNumber('bodyLimit', options.bodyLimit ?? DEFAULT_BODY_LIMIT),
    requestLogSize: wholeNumber('requestLogSize', options.requestLogSize ?? DEFAULT_REQUEST_LOG_SIZE),
    trustIssuer: resolveTrustIssuer(options.trustIssuer),
  }
}
