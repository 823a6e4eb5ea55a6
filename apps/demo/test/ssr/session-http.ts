import { SSR_URL } from '../env'

/** A cookie jar of one: the session cookie the SSR server set, sent back as a browser would. */
export interface HttpSession {
  cookie: string
  get(path: string): Promise<Response>
}

/** Logs in through the SSR server with plain HTTP (as a same-origin page would post), returning its session. */
export async function httpLogin(username: string, password = username): Promise<HttpSession> {
  const res = await fetch(`${SSR_URL}/session/login`, {
    method: 'POST',
    headers: { origin: SSR_URL, accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`login of ${username} answered ${res.status}`)
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error('the login set no cookie')
  return {
    cookie,
    get: (path) => fetch(`${SSR_URL}${path}`, { headers: { cookie }, redirect: 'manual' }),
  }
}

/** The JSON text of the `<script type="application/json" id=…>` element of a page. */
export function scriptJson(html: string, id: string): string {
  const match = new RegExp(`<script type="application/json" id="${id}">([^<]*)</script>`).exec(html)
  if (!match?.[1]) throw new Error(`the page has no #${id} script`)
  return match[1]
}

/** Any JWT (a Horizon token or an identity provider's) starts with the base64 of `{"`. */
export const JWT = /eyJ[\w-]{10,}\.[\w-]{10,}/
