/** A browser as the BFF sees one: a cookie jar, same-origin `Origin` on unsafe requests, no redirects followed. */

export interface BrowserOptions {
  /** `Origin` sent on unsafe requests (default the app's own; `null` sends none) */
  origin?: string | null
}

export interface Browser {
  /** cookie name → value, as Set-Cookie left them */
  cookies: Map<string, string>
  /** every Set-Cookie header received */
  setCookies: string[]
  fetch(path: string, init?: RequestInit & BrowserOptions): Promise<Response>
  /** a JSON login as `username` */
  login(username: string, password: string): Promise<Response>
}

export function browser(appUrl: string, defaults: BrowserOptions = {}): Browser {
  const cookies = new Map<string, string>()
  const setCookies: string[] = []
  const own = new URL(appUrl).origin
  return {
    cookies,
    setCookies,
    async fetch(path, init = {}) {
      const { origin = defaults.origin === undefined ? own : defaults.origin, ...rest } = init
      const headers = new Headers(rest.headers)
      const method = (rest.method ?? 'GET').toUpperCase()
      if (origin !== null && method !== 'GET' && method !== 'HEAD' && !headers.has('origin'))
        headers.set('origin', origin)
      if (cookies.size && !headers.has('cookie'))
        headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '))
      const answer = await fetch(new URL(path, appUrl), { ...rest, headers, redirect: 'manual' })
      for (const line of answer.headers.getSetCookie()) {
        setCookies.push(line)
        const [pair] = line.split(';')
        const eq = pair!.indexOf('=')
        const name = pair!.slice(0, eq)
        const value = pair!.slice(eq + 1)
        if (/max-age=0/i.test(line) || !value) cookies.delete(name)
        else cookies.set(name, value)
      }
      return answer
    },
    login(username, password) {
      return this.fetch('/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ username, password }),
      })
    },
  }
}
