/** Session ids: 32 random bytes, base64url in the cookie; the store only ever sees their SHA-256. */

const toBase64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

/** A fresh session id: 256 bits from `crypto.getRandomValues`, 43 base64url characters. */
export const newSessionId = (): string => toBase64Url(crypto.getRandomValues(new Uint8Array(32)))

/** True for what `newSessionId` makes: anything else in the cookie is not looked up. */
export const isSessionId = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value)

/**
 * The store key of a session id: its SHA-256, base64url. A dump of the store then holds no
 * cookie value that could be replayed.
 */
export async function storeKeyOf(id: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id))
  return toBase64Url(new Uint8Array(digest))
}
