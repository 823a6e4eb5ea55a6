import type { HorizonClientOptions } from '../horizon/client.js'
import { HorizonSessionsError } from './errors.js'
import { MemorySessionStore, type SessionStore } from './store.js'

/**
 * Options of `HorizonSessions`; only `horizonUrl` is required.
 * @example `new HorizonSessions({ horizonUrl: 'http://127.0.0.1:8000', secure: 'auto', trustedOrigins: ['https://admin.example'] })`
 */
export interface HorizonSessionsOptions {
  /** Horizon as this server reaches it, e.g. `http://horizon:8000` */
  horizonUrl: string
  /** where the browser reaches Horizon through this server (default `/horizon-api`) */
  proxyPath?: string
  /** prefix of the login and logout routes `handle` serves: `${basePath}/login`, `${basePath}/logout` (default `''`) */
  basePath?: string
  /** the page a failed form login returns to, with `?error=<code>` (default `${basePath}/login`) */
  loginPage?: string
  /** the cookie's name (default `horizon_session`), prefixed `__Host-` when the cookie is Secure */
  cookieName?: string
  /** mark the cookie Secure: `'auto'` (the default) does when the request URL is https */
  secure?: boolean | 'auto'
  /** the cookie's SameSite (default `Lax`, so a link from elsewhere lands logged in) */
  sameSite?: 'Lax' | 'Strict'
  /** idle lifetime of a session in seconds, renewed as it is used (default 8 hours) */
  maxAgeSeconds?: number
  /** where sessions live (default a `MemorySessionStore`) */
  store?: SessionStore
  /** other origins allowed to send state-changing requests, e.g. `https://admin.example` */
  trustedOrigins?: string[]
  /** options of the server-side clients (timeouts, retries, hooks); `baseUrl`, `auth` and `fetch` are set here */
  client?: Partial<HorizonClientOptions>
  /** largest request body the proxy reads, in bytes; a larger one answers 413 (default 4 MiB, as Horizon) */
  maxBodyBytes?: number
}

/** The options with every default applied. */
export interface ResolvedSessionsOptions {
  /** Horizon's URL, without a trailing slash */
  horizonUrl: string
  /** the proxy's path, without a trailing slash */
  proxyPath: string
  /** `${basePath}/login` */
  loginPath: string
  /** `${basePath}/logout` */
  logoutPath: string
  /** where a failed form login returns */
  loginPage: string
  /** the cookie's name before any `__Host-` prefix */
  cookieName: string
  /** Secure cookie: always, never, or for https requests */
  secure: boolean | 'auto'
  /** the cookie's SameSite */
  sameSite: 'Lax' | 'Strict'
  /** idle lifetime of a session in seconds */
  maxAgeSeconds: number
  /** where sessions live */
  store: SessionStore
  /** origins allowed besides the request's own */
  trustedOrigins: ReadonlySet<string>
  /** options of the server-side clients */
  client: Partial<HorizonClientOptions>
  /** largest request body the proxy reads, in bytes */
  maxBodyBytes: number
}

const fail = (message: string): never => {
  throw new HorizonSessionsError(message)
}

/** `/a/b` without a trailing slash; `''` for the root when `rootIsEmpty`. */
function checkPath(name: string, value: string, rootIsEmpty: boolean): string {
  if (typeof value !== 'string' || (value !== '' && !value.startsWith('/')) || /[?#\\]/.test(value))
    fail(`${name} must be a path starting with "/"`)
  const path = value.replace(/\/+$/, '')
  if (!path && !rootIsEmpty) fail(`${name} must not be "/"`)
  return path
}

function checkOrigin(value: string): string {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {}
  if (!url || url.origin === 'null' || url.origin !== value.replace(/\/$/, ''))
    fail(`trustedOrigins: ${JSON.stringify(value)} is not an origin such as https://admin.example`)
  return url!.origin
}

export function resolveSessionsOptions(options: HorizonSessionsOptions): ResolvedSessionsOptions {
  let horizon: URL | undefined
  try {
    horizon = new URL(options?.horizonUrl)
  } catch {}
  if (!horizon || !/^https?:$/.test(horizon.protocol)) fail('horizonUrl must be an http(s) URL')
  const basePath = checkPath('basePath', options.basePath ?? '', true)
  const maxAge = options.maxAgeSeconds ?? 8 * 3600
  if (!(typeof maxAge === 'number' && maxAge > 0 && Number.isFinite(maxAge)))
    fail('maxAgeSeconds must be a positive number')
  const maxBody = options.maxBodyBytes ?? 4 * 1024 * 1024
  if (!(Number.isInteger(maxBody) && maxBody >= 0)) fail('maxBodyBytes must be a whole number')
  const cookieName = options.cookieName ?? 'horizon_session'
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(cookieName)) fail('cookieName must be a cookie token')
  const secure = options.secure ?? 'auto'
  if (secure !== true && secure !== false && secure !== 'auto') fail("secure must be true, false or 'auto'")
  const sameSite = options.sameSite ?? 'Lax'
  if (sameSite !== 'Lax' && sameSite !== 'Strict') fail("sameSite must be 'Lax' or 'Strict'")
  return {
    horizonUrl: horizon!.href.replace(/\/+$/, ''),
    proxyPath: checkPath('proxyPath', options.proxyPath ?? '/horizon-api', false),
    loginPath: `${basePath}/login`,
    logoutPath: `${basePath}/logout`,
    loginPage: options.loginPage ?? `${basePath}/login`,
    cookieName: cookieName.replace(/^__Host-/, ''),
    secure,
    sameSite,
    maxAgeSeconds: maxAge,
    store: options.store ?? new MemorySessionStore(),
    trustedOrigins: new Set((options.trustedOrigins ?? []).map(checkOrigin)),
    client: options.client ?? {},
    maxBodyBytes: maxBody,
  }
}
