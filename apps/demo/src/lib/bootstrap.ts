/**
 * What a server-rendered page tells the app before it hydrates: that a Node server holds the
 * session (backend-for-frontend) and who is signed in. No token: the server keeps it and adds it
 * to the requests it forwards to Horizon. A page served by Vite alone has no bootstrap.
 */
export interface Bootstrap {
  /** the Horizon requests go to this origin's proxy; login and logout go to the server */
  mode: 'server-session'
  /** who is signed in, or null on the login page */
  user: string | null
  /** how the session was started, for the user menu */
  method?: 'password' | 'token' | 'sso'
  /** "Sign in with SSO" is offered (the server has an identity provider configured) */
  sso?: boolean
}

/** The id of the `<script type="application/json">` element that carries the bootstrap. */
export const BOOTSTRAP_ID = 'horizon-bootstrap'
/** The id of the element that carries the dehydrated query state (`serializeState`). */
export const STATE_ID = 'horizon-state'

/** The page's bootstrap, or undefined when the page was not rendered by the SSR server. */
export function readBootstrap(): Bootstrap | undefined {
  if (typeof document === 'undefined') return undefined
  const text = document.getElementById(BOOTSTRAP_ID)?.textContent
  return text ? (JSON.parse(text) as Bootstrap) : undefined
}
