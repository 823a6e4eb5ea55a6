/**
 * Where the integration suites run, for every package, decided here and nowhere else: the dev server
 * (`@horizon-ts/server`, fresh, on a random loopback port) by default, or the Horizon at
 * `HORIZON_URL` (a real Horizon is the reference the suites must match).
 *
 * The rules, chosen once:
 * - **Target**: `HORIZON_URL` set → that server (`isRemote`); unset → a local dev server. A suite that
 *   needs what only the dev server has (fault injection, request log, a short token lifetime, load)
 *   asks for `mode: 'local'` and gets one whatever `HORIZON_URL` says.
 * - **Local server**: {@link LOCAL_DEFAULTS} — seed `empty`, `admin` a superadmin, 10-hour tokens (as
 *   Horizon); a suite changes only what it needs (`seed: 'demo'` for the demo, `version`, …).
 * - **Superadmin**: {@link adminUser} — locally `admin`; remotely `HORIZON_ADMIN_USER`, or none.
 * - **Password**: {@link PASSWORD} for every user — `HORIZON_PASSWORD` when set (a Horizon whose
 *   provider checks passwords), else `any-password`: the dev server and Horizon's dummy provider take
 *   any non-empty password. Never the username: secrets tests look for the password in what they see.
 * - **Retries**: {@link RETRY}, none — request counts are exact and a failure shows at once; a test
 *   about retrying sets its own policy.
 *
 * This file imports no workspace package at load (only types, and the dev server on demand), so that
 * the demo's Playwright config can read it too.
 */
import type { HorizonServer, HorizonServerOptions } from '@horizon-ts/server'

/** `HORIZON_URL` of `env`, without trailing slashes, or undefined when unset or empty. */
export const readRemoteUrl = (env: Record<string, string | undefined> = process.env): string | undefined =>
  env.HORIZON_URL?.trim().replace(/\/+$/, '') || undefined

/** `HORIZON_URL` without trailing slashes, when the suites run against a real Horizon. */
export const remoteUrl = readRemoteUrl()

/** True when the suites run against `HORIZON_URL` (known at collection time, for `it.skipIf`). */
export const isRemote = Boolean(remoteUrl)

/** The superadmin of a local server. */
export const LOCAL_ADMIN = 'admin'

/** The superadmin to log in as, if any: locally `admin`, remotely `HORIZON_ADMIN_USER`. */
export const adminUser: string | undefined = remoteUrl ? process.env.HORIZON_ADMIN_USER || undefined : LOCAL_ADMIN

/** Every user's password (see the rules above). */
export const PASSWORD = process.env.HORIZON_PASSWORD || 'any-password'

/** The suites' retry policy for clients: none (see the rules above). */
export const RETRY = false as const

/** The dev server's settings when a suite asks for nothing else. */
export const LOCAL_DEFAULTS = {
  port: 0,
  seed: 'empty',
  superadmins: [LOCAL_ADMIN],
  tokenTtlSeconds: 36000,
} as const satisfies HorizonServerOptions

/** The local server's options: {@link LOCAL_DEFAULTS} with the suite's own on top. */
export const localOptions = (options: HorizonServerOptions = {}): HorizonServerOptions => ({
  ...LOCAL_DEFAULTS,
  superadmins: [...LOCAL_DEFAULTS.superadmins],
  ...options,
})

/**
 * The `horizon-server` command-line flags for `options` over {@link LOCAL_DEFAULTS}, for a suite that
 * starts the dev server as a process (the demo's Playwright config): the same server `startTarget` starts.
 */
export function serverArgs(options: HorizonServerOptions = {}): string[] {
  const o = localOptions(options)
  const seed = typeof o.seed === 'object' ? `${o.seed.namespaces}x${o.seed.hwmsPerNamespace}` : (o.seed ?? 'empty')
  const args = ['--port', String(o.port ?? 0), '--seed', seed]
  if (o.host) args.push('--host', o.host)
  for (const name of o.superadmins ?? []) args.push('--superadmin', name)
  if (o.tokenTtlSeconds !== undefined) args.push('--token-ttl', String(o.tokenTtlSeconds))
  const origins = typeof o.cors === 'object' ? o.cors.origins : undefined
  for (const origin of origins === '*' ? ['*'] : (origins ?? [])) args.push('--cors-origin', origin)
  if (o.latencyMs) args.push('--latency', String(o.latencyMs))
  if (o.control) args.push('--control')
  if (o.version) args.push('--app-version', o.version)
  return args
}

export interface TargetOptions extends HorizonServerOptions {
  /** `'auto'` (default): `HORIZON_URL` when set, else a local server; `'local'`: always a local server. */
  mode?: 'auto' | 'local'
  /** The remote Horizon for `'auto'`; default `HORIZON_URL` (tests of this helper pass their own). */
  horizonUrl?: string | undefined
}

/** A server to run a suite against. */
export interface Target {
  /** `http://HOST:PORT`, no trailing slash */
  url: string
  kind: 'local' | 'remote'
  isRemote: boolean
  /** the dev server, when local (fault injection, request log, reset) */
  server?: HorizonServer
  /** the superadmin, if any */
  adminUser?: string
  /** the password every user logs in with */
  password: string
  /** Logs `user` in (`POST /v1/auth/token`) and answers the access token; throws on any other answer than 200. */
  login(user: string): Promise<string>
  /** Stops the local server; nothing for a remote one. Safe to call twice. */
  close(): Promise<void>
}

/** Starts the suite's server (or points at `HORIZON_URL`): see the rules at the top of this file. */
export async function startTarget(options: TargetOptions = {}): Promise<Target> {
  const { mode = 'auto', horizonUrl, ...serverOptions } = options
  // An explicit `horizonUrl: undefined` means "no remote", as an unset HORIZON_URL does.
  const remote =
    mode === 'auto' ? readRemoteUrl({ HORIZON_URL: 'horizonUrl' in options ? horizonUrl : remoteUrl }) : undefined
  if (remote) {
    const admin = process.env.HORIZON_ADMIN_USER || undefined
    return target({ url: remote, kind: 'remote', adminUser: admin, close: async () => {} })
  }
  const { startHorizonServer } = await import('@horizon-ts/server')
  const resolved = localOptions(serverOptions)
  const server = await startHorizonServer(resolved)
  const admin = resolved.superadmins?.includes(LOCAL_ADMIN) ? LOCAL_ADMIN : resolved.superadmins?.[0]
  return target({ url: server.url, kind: 'local', server, adminUser: admin, close: () => server.close() })
}

function target(t: Pick<Target, 'url' | 'kind' | 'server' | 'adminUser' | 'close'>): Target {
  return {
    ...t,
    isRemote: t.kind === 'remote',
    password: PASSWORD,
    login: async (user) => {
      const res = await fetch(`${t.url}/v1/auth/token`, {
        method: 'POST',
        body: new URLSearchParams({ username: user, password: PASSWORD }),
      })
      const text = await res.text()
      if (res.status !== 200) throw new Error(`login of ${user} at ${t.url}: ${res.status} ${text.slice(0, 200)}`)
      return (JSON.parse(text) as { access_token: string }).access_token
    },
  }
}
