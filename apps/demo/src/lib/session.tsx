import { AccessToken, type HorizonClient } from '@horizon-ts/core'
import { HorizonProvider } from '@horizon-ts/react'
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react'
import { createClient } from './client'
import { DEFAULT_BASE_URL } from './config'
import { readPref, writePref } from './storage'

/** Why the user is on the login screen: the session expired, or they logged out. */
export type SessionNotice = 'expired' | 'signed-out'

export interface Session {
  /** the server as the user entered it (`/horizon-api`, `https://host/api`) */
  baseUrl: string
  signedIn: boolean
  method?: 'password' | 'token'
  notice?: SessionNotice
  /** Uses another server; only while signed out (the login screen offers it). */
  connect(baseUrl: string): void
  /** Checks a pasted token against the server, then starts a session with it. */
  signInWithToken(token: string): Promise<void>
  /** `useLogin` succeeded: it already gave the client its `LoginPassword`. */
  passwordSignedIn(): void
  /** `useLogout` ran, because the user asked or because the token expired. */
  signedOut(notice: SessionNotice): void
}

interface State {
  baseUrl: string
  client: HorizonClient
  signedIn: boolean
  method?: Session['method']
  notice?: SessionNotice
}

const SessionContext = createContext<Session | null>(null)

const initialState = (): State => {
  const baseUrl = readPref('baseUrl') ?? DEFAULT_BASE_URL
  return { baseUrl, client: createClient(baseUrl), signedIn: false }
}

/**
 * Owns the Horizon client and whether someone is signed in, and provides the client to the hooks.
 * A password login goes through `useLogin` on the current client; a pasted token gets a client of
 * its own (`useLogin` only knows passwords). Credentials live in memory only: a reload asks again.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(initialState)
  const session = useMemo<Session>(
    () => ({
      baseUrl: state.baseUrl,
      signedIn: state.signedIn,
      method: state.method,
      notice: state.notice,
      connect(baseUrl) {
        writePref('baseUrl', baseUrl)
        setState({ baseUrl, client: createClient(baseUrl), signedIn: false })
      },
      async signInWithToken(token) {
        // AccessToken refuses a token that is malformed or already expired, before any request.
        const client = createClient(state.baseUrl, new AccessToken(token.trim()))
        const me = await client.whoami()
        // Remembered (not the token) so that the login form after an expiry names the same user.
        writePref('username', me.username)
        setState({ baseUrl: state.baseUrl, client, signedIn: true, method: 'token' })
      },
      passwordSignedIn() {
        setState((s) => ({ ...s, signedIn: true, method: 'password', notice: undefined }))
      },
      signedOut(notice) {
        setState((s) => ({ baseUrl: s.baseUrl, client: s.client, signedIn: false, notice }))
      },
    }),
    [state],
  )
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
