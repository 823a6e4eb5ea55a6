#!/usr/bin/env node
/**
 * `horizon-server`: start a Horizon-compatible server from the command line.
 *
 *   horizon-server --port 8000 --seed demo --superadmin admin --cors-origin http://localhost:5173 --control
 */
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type {
  CorsOptions,
  CorsPreset,
  CorsSettings,
  HorizonServerOptions,
  Seed,
  TrustIssuerOptions,
} from './options.js'
import { demoUsers } from './seed-catalog.js'
import { type HorizonServer, startHorizonServer } from './start.js'
import { DEFAULT_TRUST_CLAIM } from './trust-issuer-options.js'

const HELP = `Usage: horizon-server [options]

  --port <n>            TCP port (default 8000; 0 picks a free one)
  --host <host>         interface to listen on (default 127.0.0.1)
  --seed <empty|demo|NxM>
                        initial data (default demo); NxM: N generated namespaces of M HWMs each
  --data <path>         keep the data in this file (or horizon-data.jsonl in this directory) across
                        restarts; an existing file is loaded and --seed ignored (default: memory only)
  --token-ttl <s>       token lifetime in seconds (default 36000)
  --superadmin <name>   a superadmin username; repeat for more (default admin)
  --cors <dev|horizon|off>
                        CORS preset: dev (default: the Vite dev servers on localhost may call),
                        horizon (Horizon 1.1.3's defaults: no origin, GET only) or off; the
                        flags below override single settings of the preset
  --cors-origin <url>   an allowed browser origin, or *; repeat for more
  --cors-allow-origins <list>
                        allowed origins, comma-separated, or *  (HORIZON__SERVER__CORS__ALLOW_ORIGINS)
  --cors-allow-origin-regex <re>
                        origins matching it in full are allowed too
  --cors-allow-methods <list>
                        methods a preflight may ask for, or * for all
  --cors-allow-headers <list>
                        request headers a preflight may ask for, or * for any
  --cors-expose-headers <list>
                        response headers a page may read (Retry-After is added when an origin is allowed)
  --cors-allow-credentials
                        answer Access-Control-Allow-Credentials: true
  --cors-max-age <s>    Access-Control-Max-Age of preflight answers (default 600)
  --latency <ms>        delay added to every request (default 0)
  --control             expose the test-control API under /__control/ (never in production)
  --secret <s>          JWT secret (default random)
  --app-version <v>     X-Application-Version (default 1.1.3)
  --body-limit <bytes>  largest request body; larger ones answer 413 (default 4194304, 4 MiB)
  --request-log-size <n>  requests kept in the request log (default 1000)
  --trust-issuer <url>  also accept the access tokens of this OpenID provider (its exact iss), as a
                        gateway in front of Horizon would; the user is the --trust-claim claim
  --trust-audience <aud>
                        the audience the token's aud must hold; repeat to accept any of several
                        (default: not checked)
  --trust-claim <name>  the claim that holds the username (default preferred_username)
  --trust-jwks-uri <url>
                        the issuer's JWKS (default: the jwks_uri of its discovery document)
  -h, --help            show this help`

const number = (name: string, value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0, got '${value}'`)
  return n
}

const optionalNumber = (name: string, value: string | undefined) =>
  value === undefined ? undefined : number(name, value, 0)

/** A list as Horizon reads one from its environment: a JSON array, or comma-separated (empty items dropped). */
const corsList = (value: string | undefined): string[] | undefined => {
  if (value === undefined) return undefined
  if (value.includes('[')) {
    const parsed: unknown = JSON.parse(value)
    if (!Array.isArray(parsed) || parsed.some((item) => typeof item !== 'string'))
      throw new Error(`expected a JSON array of strings, got '${value}'`)
    return parsed as string[]
  }
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

/** The `cors` option of the `--cors*` flags: a preset, false, or settings over a preset. */
const corsOption = (values: Record<string, string | boolean | string[] | undefined>): CorsOptions | undefined => {
  const preset = values.cors as string | undefined
  if (preset !== undefined && preset !== 'dev' && preset !== 'horizon' && preset !== 'off')
    throw new Error(`--cors must be dev, horizon or off, got '${preset}'`)
  const origins = values['cors-origin'] as string[] | undefined
  const maxAge = values['cors-max-age'] as string | undefined
  const settings: CorsSettings = {
    origins: origins && (origins.includes('*') ? '*' : origins),
    allowOrigins: corsList(values['cors-allow-origins'] as string | undefined),
    allowOriginRegex: values['cors-allow-origin-regex'] as string | undefined,
    allowMethods: corsList(values['cors-allow-methods'] as string | undefined),
    allowHeaders: corsList(values['cors-allow-headers'] as string | undefined),
    exposeHeaders: corsList(values['cors-expose-headers'] as string | undefined),
    allowCredentials: values['cors-allow-credentials'] as boolean | undefined,
    maxAge: maxAge === undefined ? undefined : number('cors-max-age', maxAge, 0),
  }
  const given = Object.values(settings).some((value) => value !== undefined)
  if (preset === 'off') {
    if (given) throw new Error('--cors off takes no other --cors-* flag')
    return false
  }
  if (!given) return preset as CorsPreset | undefined
  return { preset: preset as CorsPreset | undefined, ...settings }
}

/** The `trustIssuer` option of the `--trust-*` flags; the option itself checks the values. */
const trustIssuerOption = (values: Record<string, string | boolean | string[] | undefined>) => {
  const issuer = values['trust-issuer'] as string | undefined
  const audience = values['trust-audience'] as string[] | undefined
  const claim = values['trust-claim'] as string | undefined
  const jwksUri = values['trust-jwks-uri'] as string | undefined
  if (issuer === undefined) {
    const stray = ['trust-audience', 'trust-claim', 'trust-jwks-uri'].find((name) => values[name] !== undefined)
    if (stray) throw new Error(`--${stray} needs --trust-issuer`)
    return undefined
  }
  const option: TrustIssuerOptions = { issuer }
  if (audience) option.audience = audience.length === 1 ? audience[0] : audience
  if (claim !== undefined) option.claim = claim
  if (jwksUri !== undefined) option.jwksUri = jwksUri
  return option
}

/** `--seed`: a named data set, or `NxM` (N namespaces of M generated HWMs). */
const seedOption = (value: string): Seed => {
  const bulk = /^(\d+)x(\d+)$/.exec(value)
  if (bulk) return { namespaces: Number(bulk[1]), hwmsPerNamespace: Number(bulk[2]) }
  if (value !== 'empty' && value !== 'demo')
    throw new Error(`Unknown seed '${value}': use empty, demo or NxM (e.g. 10x1000)`)
  return value
}

/** Parses `argv` into server options; undefined when only help was asked. */
export function cliOptions(argv: string[]): HorizonServerOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      data: { type: 'string' },
      'token-ttl': { type: 'string' },
      superadmin: { type: 'string', multiple: true },
      cors: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'cors-allow-origins': { type: 'string' },
      'cors-allow-origin-regex': { type: 'string' },
      'cors-allow-methods': { type: 'string' },
      'cors-allow-headers': { type: 'string' },
      'cors-expose-headers': { type: 'string' },
      'cors-allow-credentials': { type: 'boolean' },
      'cors-max-age': { type: 'string' },
      latency: { type: 'string' },
      control: { type: 'boolean' },
      secret: { type: 'string' },
      'app-version': { type: 'string' },
      'body-limit': { type: 'string' },
      'request-log-size': { type: 'string' },
      'trust-issuer': { type: 'string' },
      'trust-audience': { type: 'string', multiple: true },
      'trust-claim': { type: 'string' },
      'trust-jwks-uri': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return undefined
  return {
    port: number('port', values.port, 8000),
    host: values.host ?? '127.0.0.1',
    seed: seedOption(values.seed ?? 'demo'),
    data: values.data,
    tokenTtlSeconds: number('token-ttl', values['token-ttl'], 36000),
    superadmins: values.superadmin ?? ['admin'],
    cors: corsOption(values),
    latencyMs: number('latency', values.latency, 0),
    control: values.control ?? false,
    secret: values.secret,
    version: values['app-version'],
    bodyLimit: optionalNumber('body-limit', values['body-limit']),
    requestLogSize: optionalNumber('request-log-size', values['request-log-size']),
    trustIssuer: trustIssuerOption(values),
  }
}

/**
 * Runs the CLI: starts the server and prints its URL and the demo users. Returns the server (undefined
 * for `--help`); signals are the caller's business, see the bottom of this file.
 * @example
 * ```ts
 * const server = await runCli(['--port', '0', '--seed', 'demo'])
 * await server?.close()
 * ```
 */
export async function runCli(
  argv: string[],
  log: (line: string) => void = console.log,
): Promise<HorizonServer | undefined> {
  const options = cliOptions(argv)
  if (!options) {
    log(HELP)
    return undefined
  }
  const server = await startHorizonServer(options)
  const seed =
    typeof options.seed === 'object' ? `${options.seed.namespaces}x${options.seed.hwmsPerNamespace}` : options.seed
  log(
    `Horizon-compatible server listening on ${server.url} (seed: ${seed}${options.data ? `, data: ${options.data}` : ''})`,
  )
  if (options.seed === 'demo') {
    log('Demo users (any password works; these are for show):')
    for (const user of demoUsers) {
      const admin = options.superadmins?.includes(user.username) ? ' [superadmin]' : ''
      log(`  ${user.username.padEnd(6)} / ${user.password.padEnd(6)} ${user.roles}${admin}`)
    }
  }
  const trust = options.trustIssuer
  if (trust) {
    const audience = trust.audience === undefined ? 'any audience' : `audience ${[trust.audience].flat().join(' or ')}`
    log(`Trusting access tokens of ${trust.issuer} (${audience}; user: ${trust.claim ?? DEFAULT_TRUST_CLAIM} claim)`)
  }
  if (options.control) log(`Test-control API: ${server.url}/__control/ (not for production)`)
  return server
}

/** Runs the CLI on `process.argv` and stops the server on SIGINT/SIGTERM (the `horizon-server` bin). */
export async function main(): Promise<void> {
  try {
    const server = await runCli(process.argv.slice(2))
    if (!server) return
    const stop = () => void server.close().then(() => process.exit(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  } catch (error) {
    console.error(`horizon-server: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}

// Run when executed (also through the npm bin symlink), not when imported.
const invoked = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : ''
if (invoked === import.meta.url) void main()
