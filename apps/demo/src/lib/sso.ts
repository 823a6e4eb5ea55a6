import type { OidcLogin } from '@horizon-ts/core/oidc'
import { authLost } from './auth-events'
import { SSO_SETTINGS } from './config'
import { SESSION_PATHS } from './server-session'

/** The page the provider sends the browser back to (registered at the provider). */
export const CALLBACK_PATH = '/auth/callback'

// Set while this tab is signed in with SSO (a flag, never a token): after a reload, which forgets
// the in-memory tokens, the login screen goes through the provider again at once, and its session
// brings the user straight back.
const RESUME = 'horizon-admin:sso'
const flag = {
  set: (on: boolean) => {
    try {
      if (on) sessionStorage.setItem(RESUME, '1')
      else sessionStorage.removeItem(RESUME)
    } catch {
      // storage disabled: a reload asks to sign in again
    }
  },
  get: () => {
    try {
      return sessionStorage.getItem(RESUME) === '1'
    } catch {
      return false
    }
  },
}

let login: Promise<OidcLogin> | undefined
/**
 * The browser's OpenID sign-in (`OidcLogin`, tokens in memory), made once. Loaded on first use:
 * the app's bundle carries no OpenID code for users who never sign in this way.
 */
export function ssoLogin(): Promise<OidcLogin> {
  const settings = SSO_SETTINGS
  if (!settings) return Promise.reject(new Error('No identity provider is configured'))
  login ??= import('@horizon-ts/core/oidc').then(({ OidcLogin }) => {
    const sso = new OidcLogin({
      ...settings,
      redirectUri: new URL(CALLBACK_PATH, location.href).href,
      postLogoutRedirectUri: new URL('/login', location.href).href,
    })
    // Expired with no way to renew: the app returns to the login, remembering the page.
    sso.onSignedOut((reason) => {
      if (reason !== 'signed_out') authLost.dispatchEvent(new Event('lost'))
    })
    return sso
  })
  return login
}

/** Goes to the identity provider to sign in, coming back to `next`. */
export async function startSso(mode: 'browser' | 'server-session', next: string): Promise<void> {
  if (mode === 'server-session') {
    location.assign(`${SESSION_PATHS.sso}?${new URLSearchParams({ next })}`)
    return
  }
  flag.set(true)
  await (await ssoLogin()).signIn({ returnTo: next })
}

/** Whether this tab was signed in with SSO before a reload (and did not sign out). */
export const ssoResumable = (): boolean => SSO_SETTINGS !== undefined && flag.get()

/** The callback's work: checks state and nonce, exchanges the code; answers where to go next. */
export async function finishSso(): Promise<{ sso: OidcLogin; returnTo: string }> {
  const sso = await ssoLogin()
  try {
    return { sso, returnTo: (await sso.handleCallback()).returnTo }
  } catch (error) {
    flag.set(false)
    throw error
  }
}

/** Signs out at the provider too (its sign-out page comes back to the login). */
export async function endSso(mode: 'browser' | 'server-session'): Promise<void> {
  flag.set(false)
  if (mode === 'browser') {
    await (await ssoLogin()).signOut()
    return
  }
  const response = await fetch(`${SESSION_PATHS.sso}/logout`, {
    method: 'POST',
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  })
  const { redirect } = (await response.json().catch(() => ({}))) as { redirect?: string }
  location.assign(redirect ?? '/login')
}
