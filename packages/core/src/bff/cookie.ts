/** The session cookie on the wire: read from `Cookie`, written as `Set-Cookie`. */

/** The value of cookie `name` in the request's `Cookie` header (the first, when sent twice). */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie')
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue
    const value = part.slice(eq + 1).trim()
    return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value
  }
  return undefined
}

/** How the session cookie is written. */
export interface CookieAttributes {
  secure: boolean
  sameSite: 'Lax' | 'Strict'
}

/**
 * `Set-Cookie` for the session: HttpOnly (page scripts never read it), Path=/, no Max-Age (it
 * ends with the browser session; the idle lifetime is kept on the server, where it slides).
 */
export function sessionCookie(name: string, value: string, { secure, sameSite }: CookieAttributes): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=${sameSite}${secure ? '; Secure' : ''}`
}

/** `Set-Cookie` that makes the browser drop the session cookie. */
export function clearedCookie(name: string, attributes: CookieAttributes): string {
  return `${sessionCookie(name, '', attributes)}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`
}
