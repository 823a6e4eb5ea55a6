/**
 * The client a command talks through: each setting from its flag, else its environment variable,
 * else the profile. A password comes from `--password`, `HORIZON_PASSWORD`, or a hidden prompt when
 * stdin is a terminal; profiles never hold one.
 */
import { AccessToken, HorizonClient, LoginPassword } from '@horizon-ts/core'
import { UsageError } from './errors.js'
import type { Io } from './io.js'
import { selectProfile } from './profiles.js'
import { promptHidden } from './prompt.js'

/** The connection flags of the command line. */
export interface ConnectionFlags {
  url?: string
  user?: string
  password?: string
  token?: string
  profile?: string
}

/** Where the server is and how to authenticate, once every source is read. */
export interface Connection {
  url: string
  auth: { kind: 'token'; token: string } | { kind: 'password'; user: string; password: string } | { kind: 'none' }
}

/** Resolves flags > environment > profile. */
export async function resolveConnection(flags: ConnectionFlags, io: Io, needsAuth = true): Promise<Connection> {
  const { env } = io
  const profile = await selectProfile(flags.profile ?? (env.HORIZON_PROFILE || undefined), env)
  const pick = (flag: string | undefined, name: string, fromProfile?: string) =>
    flag ?? (env[name] || undefined) ?? fromProfile
  const url = pick(flags.url, 'HORIZON_URL', profile.url)
  if (!url) throw new UsageError('No server: give --url, set HORIZON_URL, or use a profile with a "url"')
  if (!/^https?:\/\//.test(url)) throw new UsageError('The server URL must start with http:// or https://')
  // The first source naming a token or a user decides how to log in: `--user` beats a profile's token.
  const sources = [
    { token: flags.token, user: flags.user },
    { token: env.HORIZON_TOKEN || undefined, user: env.HORIZON_USER || undefined },
    { token: profile.token, user: profile.user },
  ]
  const chosen = sources.find((s) => s.token !== undefined || s.user !== undefined)
  if (chosen?.token !== undefined) return { url, auth: { kind: 'token', token: chosen.token } }
  const user = chosen?.user
  if (!user) {
    if (needsAuth)
      throw new UsageError(
        'Not logged in: give --user (and a password) or --token, or set HORIZON_USER / HORIZON_TOKEN',
      )
    return { url, auth: { kind: 'none' } }
  }
  let password = pick(flags.password, 'HORIZON_PASSWORD')
  if (password === undefined) {
    if (!io.isTTY.stdin)
      throw new UsageError(`No password for ${user}: set HORIZON_PASSWORD (stdin is not a terminal to ask on)`)
    password = await promptHidden(io, `Password for ${user}: `)
  }
  return { url, auth: { kind: 'password', user, password } }
}

/** The client for a connection. */
export function clientFor(connection: Connection): HorizonClient {
  const { auth } = connection
  return new HorizonClient({
    baseUrl: connection.url,
    auth:
      auth.kind === 'token'
        ? new AccessToken(auth.token)
        : auth.kind === 'password'
          ? new LoginPassword({ login: auth.user, password: auth.password })
          : undefined,
  })
}

/** The secrets of a connection, so that no message of the CLI can show them. */
export function secretsOf(connection: Connection | undefined): string[] {
  const auth = connection?.auth
  if (auth?.kind === 'token') return [auth.token]
  if (auth?.kind === 'password') return [auth.password]
  return []
}
