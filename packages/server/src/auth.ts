/**
 * Tokens of Horizon's dummy auth provider: HS256 JWTs with `user_id` and a float `exp`, and the checks
 * of `current_user` with their exact messages.
 */
import { jwtVerify, SignJWT } from 'jose'
import { notFound, unauthorized } from './errors.js'
import type { Tables, UserRow } from './store.js'

const encoder = new TextEncoder()
// A key of this realm's Uint8Array: under jsdom the global one differs from TextEncoder's and
// jose checks the key against the global.
const key = (secret: string) => new Uint8Array(encoder.encode(secret))

/** A random secret (hex), used when none is configured. */
export function randomSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Seconds since the epoch with sub-millisecond digits, like Python's `time()`. */
const nowSeconds = () => (performance.timeOrigin + performance.now()) / 1000

/** Verified tokens remembered: the HMAC check is most of a cached request's cost. */
const REMEMBERED_TOKENS = 4096

/**
 * Issues and verifies the tokens of one secret. The key is imported into WebCrypto once (importing it
 * per request cost ~70 µs), and a token already verified is recognized by a map lookup until it
 * expires; the map is bounded, dropped whole when full.
 */
export class Tokens {
  readonly #key: Promise<CryptoKey>
  readonly #verified = new Map<string, { userId: number | undefined; exp: number }>()

  constructor(secret: string) {
    const usages: KeyUsage[] = ['sign', 'verify']
    this.#key = crypto.subtle.importKey('raw', key(secret), { name: 'HMAC', hash: 'SHA-256' }, false, usages)
    this.#key.catch(() => {}) // a key WebCrypto refuses fails the requests that use it, not the process
  }

  /** `{access_token, token_type, expires_at}` for the user. */
  async issue(userId: number, ttlSeconds: number) {
    const expiresAt = nowSeconds() + ttlSeconds
    const accessToken = await new SignJWT({ user_id: userId, exp: expiresAt })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(await this.#key)
    return { access_token: accessToken, token_type: 'bearer', expires_at: expiresAt }
  }

  /** The `user_id` of a valid, unexpired token (as jose checks `exp`: expired once `exp <= now`, in whole seconds). */
  async userIdOf(token: string): Promise<number | undefined> {
    const now = Math.floor(Date.now() / 1000)
    const known = this.#verified.get(token)
    if (known) return known.exp > now ? known.userId : undefined
    try {
      const { payload } = await jwtVerify(token, await this.#key, { algorithms: ['HS256'] })
      if (payload.exp === undefined) return undefined
      const userId = pyInt(payload.user_id)
      if (this.#verified.size >= REMEMBERED_TOKENS) this.#verified.clear()
      this.#verified.set(token, { userId, exp: payload.exp })
      return userId
    } catch {
      return undefined // any decoding or signature failure is "Invalid token"
    }
  }
}

/** Python's `int()` of the claim: ints, floats (truncated) and integer strings; undefined otherwise. */
function pyInt(x: unknown): number | undefined {
  if (typeof x === 'number' && Number.isFinite(x)) return Math.trunc(x)
  if (typeof x === 'boolean') return Number(x)
  if (typeof x === 'string' && /^\s*[-+]?\d+\s*$/.test(x)) return Number(x)
  return undefined
}

/**
 * The user of the `Authorization` header. Order and messages follow FastAPI's `OAuth2PasswordBearer`
 * then the dummy provider: no bearer scheme → "Not authenticated"; an empty token → "Missing auth
 * credentials"; a bad, expired or foreign token → "Invalid token"; a token of an unknown user → 404.
 * `trusted` (the `trustIssuer` option) is asked only about a token that is not the server's own, so
 * the own tokens' path is unchanged; a token it refuses is "Invalid token" too.
 */
export async function authenticate(
  t: () => Tables,
  tokens: () => Tokens,
  header: string | undefined,
  trusted?: (token: string) => Promise<UserRow | undefined>,
): Promise<UserRow> {
  const space = header?.indexOf(' ') ?? -1
  const scheme = header === undefined ? '' : space < 0 ? header : header.slice(0, space)
  if (!header || scheme.toLowerCase() !== 'bearer')
    throw unauthorized('Not authenticated', { 'www-authenticate': 'Bearer' })
  const token = space < 0 ? '' : header.slice(space + 1)
  if (!token) throw unauthorized('Missing auth credentials')
  const used = tokens()
  const userId = await used.userIdOf(token)
  if (userId === undefined && trusted) {
    const user = await trusted(token)
    if (user) return user
  }
  // A reset meanwhile renewed the secret and restarted the ids: the token names nobody now.
  if (userId === undefined || used !== tokens()) throw unauthorized('Invalid token')
  // Read the tables after the await: another request may have changed them meanwhile.
  const user = t().users.get(userId)
  if (!user) throw notFound('User', 'id', userId)
  return user
}
