import type { HorizonClient } from '@horizon-ts/core'
import { SessionCookie } from '@horizon-ts/core/bff'
import { HorizonProvider } from '@horizon-ts/react'
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react'
import { type Bootstrap, readBootstrap } from './bootstrap'
import { createClient } from './client'
import { DEFAULT_BASE_URL, PROXY_PATH, SSO_SETTINGS } from './config'
import { signOutOnServer } from './server-session'
import { readPref, writePref } from './storage'

/** Why the user is on the login screen: the session expired, or they logged out. */
export type SessionNotice = 'expired' | 'signed-out'
/** How the session was started. */
export type SignInMethod = 'password' | 'token' | 'sso'

export interface Session {
  /**
   * `browser`: the page holds the credentials in memory (Vite alone serves the app);
   * `server-session`: the SSR server holds them and the page only has an httpOnly cookie.
   */
  mode: 'browser' | 'server-session'
  /** the server as the user entered it (`/horizon-api`, `https://host/api`) */
  baseUrl: string
  signedIn: boolean
  method?: SignInMethod
  notice?: SessionNotice
  /** the SSR server offers "Sign in with SSO" */
  sso: boolean
  /** Uses another server; only while signed out, and only in `browser` mode (the login screen offers it). */
  connect(baseUrl: string): void
  /**
   * The login succeeded. In `browser` mode `useLogin` already gave the client its strategy; in
   * `server-session` mode the server answered who is signed in (`user`).
   */
  loggedIn(method: SignInMethod, user?: string): void
  /** The user logged out, or the token expired; in `server-session` mode the server's session ends too. */
  signedOut(notice: SessionNotice): void
}

interface State {
  baseUrl: string
  client: HorizonClient
  signedIn: boolean
  method?: SignInMethod
  notice?: SessionNotice
}

const SessionContext = createContext<Session | null>(null)

/** The client of a server-session page: this origin's proxy, the user named for the cache scope, no token. */
function serverSessionClient(user: string | null, client?: HorizonClient): HorizonClient {
  const c = client ?? createClient(PROXY_PATH)
  if (!client && user) c.setAuth(new SessionCookie(user))
  return c
}

function initialState(bootstrap: Bootstrap | undefined, client: HorizonClient | undefined): State {
  if (bootstrap)
    return {
      baseUrl: PROXY_PATH,
      client: serverSessionClient(bootstrap.user, client),
      signedIn: bootstrap.user !== null,
      method: bootstrap.method,
    }
  const baseUrl = readPref('baseUrl') ?? DEFAULT_BASE_URL
  return { baseUrl, client: createClient(baseUrl), signedIn: false }
}

export interface SessionProviderProps {
  children: ReactNode
  /**
   * Set by the SSR server for the page it renders: the request's bootstrap and its own client (the
   * session's token, same base URL and user as the browser's, so the cache keys match on hydration).
   * The browser reads the bootstrap from the page instead.
   */
  server?: { bootstrap: Bootstrap; client: HorizonClient }
}

/**
 * Owns the Horizon client and whether someone is signed in, and provides the client to the hooks.
 * In `browser` mode both logins (a password, a pasted token) go through `useLogin` on the current
 * client and the credentials live in page memory: a reload asks again. In `server-session` mode
 * the SSR server holds the session: reloads and new tabs keep it, and no token reaches the page.
 */
export function SessionProvider({ children, server }: SessionProviderProps) {
  const [bootstrap] = useState(() => server?.bootstrap ?? readBootstrap())
  const [state, setState] = useState(() => initialState(bootstrap, server?.client))
  const session = useMemo<Session>(() => {
    const serverSession = bootstrap !== undefined
    const leave = (notice: SessionNotice) =>
      setState((s) => ({ baseUrl: s.baseUrl, client: s.client, signedIn: false, notice }))
    return {
      mode: serverSession ? 'server-session' : 'browser',
      baseUrl: state.baseUrl,
      signedIn: state.signedIn,
      method: state.method,
      notice: state.notice,
      sso: serverSession ? bootstrap?.sso === true : SSO_SETTINGS !== undefined,
      connect(baseUrl) {
        if (serverSession) return
        writePref('baseUrl', baseUrl)
        setState({ baseUrl, client: createClient(baseUrl), signedIn: false })
      },
      loggedIn(method, user) {
        if (serverSession && user) state.client.setAuth(new SessionCookie(user))
        setState((s) => ({ ...s, signedIn: true, method, notice: undefined }))
      },
      signedOut(notice) {
        if (!serverSession) return leave(notice)
        // The cookie must be gone before the login screen shows: a reload there would find the session.
        signOutOnServer().then(
          () => leave(notice),
          () => leave(notice),
        )
      },
    }
  }, [state, bootstrap])
  return (
    <SessionContext.Provider value={session}>
      <HorizonProvider client={state.client}>{children}</HorizonProvider>
    </SessionContext.Provider>
  )
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession must be used inside <SessionProvider>')
  return session
}
