#!/usr/bin/env node
/**
 * `horizon-server`: start a Horizon-compatible server from the command line.
 *
 *   horizon-server --port 8000 --seed demo --superadmin admin --cors-origin http://localhost:5173 --control
 */
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { HorizonServerOptions, SeedName } from './options.js'
import { demoUsers } from './seed-catalog.js'
import { type HorizonServer, startHorizonServer } from './start.js'

const HELP = `Usage: horizon-server [options]

  --port <n>            TCP port (default 8000; 0 picks a free one)
  --host <host>         interface to listen on (default 127.0.0.1)
  --seed <empty|demo>   initial data (default demo)
  --token-ttl <s>       token lifetime in seconds (default 36000)
  --superadmin <name>   a superadmin username; repeat for more (default admin)
  --cors-origin <url>   an allowed browser origin, or *; repeat for more (default: Vite on localhost)
  --latency <ms>        delay added to every request (default 0)
  --control             expose the test-control API under /__control/ (never in production)
  --secret <s>          JWT secret (default random)
  --app-version <v>     X-Application-Version (default 1.1.3)
  --body-limit <bytes>  largest request body; larger ones answer 413 (default 4194304, 4 MiB)
  --request-log-size <n>  requests kept in the request log (default 1000)
  -h, --help            show this help`

const number = (name: string, value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0, got '${value}'`)
  return n
}

const optionalNumber = (name: string, value: string | undefined) =>
  value === undefined ? undefined : number(name, value, 0)

/** Parses `argv` into server options; undefined when only help was asked. */
export function cliOptions(argv: string[]): HorizonServerOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'token-ttl': { type: 'string' },
      superadmin: { type: 'string', multiple: true },
      'cors-origin': { type: 'string', multiple: true },
      latency: { type: 'string' },
      control: { type: 'boolean' },
      secret: { type: 'string' },
      'app-version': { type: 'string' },
      'body-limit': { type: 'string' },
      'request-log-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return undefined
  const origins = values['cors-origin']
  return {
    port: number('port', values.port, 8000),
    host: values.host ?? '127.0.0.1',
    seed: (values.seed ?? 'demo') as SeedName,
    tokenTtlSeconds: number('token-ttl', values['token-ttl'], 36000),
    superadmins: values.superadmin ?? ['admin'],
    cors: origins ? { origins: origins.includes('*') ? '*' : origins } : undefined,
    latencyMs: number('latency', values.latency, 0),
    control: values.control ?? false,
    secret: values.secret,
    version: values['app-version'],
    bodyLimit: optionalNumber('body-limit', values['body-limit']),
    requestLogSize: optionalNumber('request-log-size', values['request-log-size']),
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
  log(`Horizon-compatible server listening on ${server.url} (seed: ${options.seed})`)
  if (options.seed === 'demo') {
    log('Demo users (any password works; these are for show):')
    for (const user of demoUsers) {
      const admin = options.superadmins?.includes(user.username) ? ' [superadmin]' : ''
      log(`  ${user.username.padEnd(6)} / ${user.password.padEnd(6)} ${user.roles}${admin}`)
    }
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
