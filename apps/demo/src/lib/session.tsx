import type { HorizonClient } from '@horizon-ts/core'
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
  /** `useLogin` succeeded, with a password or a pasted token: it already gave the client its strategy. */
  loggedIn(method: 'password' | 'token'): void
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
 * Both logins (a password, a pasted token) go through `useLogin` on the current client, which checks
 * the credentials and installs the strategy. Credentials live in memory only: a reload asks again.
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
      loggedIn(method) {
        setState((s) => ({ ...s, signedIn: true, method, notice: undefined }))
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
