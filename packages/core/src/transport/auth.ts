import type { AuthStrategy } from './types.js'

/** The current token, or a function that returns it (for apps whose OAuth library owns the token). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>)

/**
 * Sends a given token: `Authorization: <scheme> <token>`.
 * @example
 * ```ts
 * new BearerToken('eyJ…')                                   // a fixed token
 * new BearerToken(() => oidc.getAccessToken(), { scheme: 'Bearer+OIDC' }) // asked before every request
 * ```
 */
export class BearerToken implements AuthStrategy {
  readonly #source: TokenSource
  readonly #scheme: string

  constructor(token: TokenSource, options: { scheme?: string } = {}) {
    this.#source = token
    this.#scheme = options.scheme ?? 'Bearer'
  }

  /**
   * `<scheme> <token>`, or nothing when the token function gives none (the call goes anonymous).
   * @example `new BearerToken('eyJ…').header() // 'Bearer eyJ…'`
   */
  header(): string | undefined | Promise<string | undefined> {
    // A fixed token answers synchronously: no extra microtask on every call.
    if (typeof this.#source !== 'function') return `${this.#scheme} ${this.#source}`
    return Promise.resolve(this.#source()).then((token) => (token ? `${this.#scheme} ${token}` : undefined))
  }

  /**
   * A token function may hand out a fresh token after a 401; a fixed token cannot change.
   * @example `new BearerToken(() => getToken()).refresh() // true: worth one more try`
   */
  refresh(): boolean {
    return typeof this.#source === 'function'
  }

  /**
   * Keeps tokens out of `console.log`, `JSON.stringify` and error reports.
   * @example `JSON.stringify(new BearerToken('eyJ…')) // '{"type":"BearerToken","scheme":"Bearer"}'`
   */
  toJSON(): object {
    return { type: 'BearerToken', scheme: this.#scheme }
  }
}

/** Reads a JWT's claims without checking its signature (the server does that). */
export function decodeJwtClaims(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1]
  if (!part) return undefined
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0))
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes))
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
