/**
 * Named connections in a JSON config file, one per environment:
 * `{ "profiles": { "prod": { "url": "https://…", "user": "etl", "token"?: "…" } } }`.
 */
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { UsageError } from './errors.js'

/** One profile: where the server is and who logs in (a password is never kept in the file). */
export interface Profile {
  url?: string
  user?: string
  token?: string
}

/** The config file's path: `$HORIZON_CONFIG`, else `$XDG_CONFIG_HOME/horizon/config.json`, else `~/.config/horizon/config.json`. */
export function configPath(env: Record<string, string | undefined>): string {
  if (env.HORIZON_CONFIG) return env.HORIZON_CONFIG
  return join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'), 'horizon', 'config.json')
}

/** The profiles of the config file; none when it does not exist. */
export async function readProfiles(env: Record<string, string | undefined>): Promise<Record<string, Profile>> {
  const path = configPath(env)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw new UsageError(`Cannot read the config file ${path}: ${(e as Error).message}`)
  }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    throw new UsageError(`The config file ${path} is not JSON`)
  }
  const profiles = (doc as { profiles?: unknown } | null)?.profiles
  if (profiles === undefined) return {}
  if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles))
    throw new UsageError(`The config file ${path}: "profiles" must be an object of profiles`)
  for (const [name, p] of Object.entries(profiles)) {
    const fields = typeof p === 'object' && p !== null ? Object.entries(p) : undefined
    if (!fields || fields.some(([k, v]) => !['url', 'user', 'token'].includes(k) || typeof v !== 'string'))
      throw new UsageError(`The config file ${path}: profile "${name}" takes string fields url, user and token only`)
  }
  return profiles as Record<string, Profile>
}

/**
 * The profile to use: the one named (`--profile` / `HORIZON_PROFILE`, which must exist), else
 * `default` when the file has one, else none.
 */
export async function selectProfile(
  name: string | undefined,
  env: Record<string, string | undefined>,
): Promise<Profile> {
  const profiles = await readProfiles(env)
  if (name === undefined) return profiles.default ?? {}
  const profile = Object.hasOwn(profiles, name) ? profiles[name] : undefined
  if (!profile) {
    const known = Object.keys(profiles)
    throw new UsageError(
      `No profile "${name}" in ${configPath(env)}${known.length ? ` (profiles: ${known.join(', ')})` : ''}`,
    )
  }
  return profile
}
