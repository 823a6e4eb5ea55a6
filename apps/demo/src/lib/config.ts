/** Build-time settings (Vite env variables), each with a default that works for `npm run demo`. */

/** The path the app calls on its own origin when Horizon is reached through the serving server (Vite's proxy, or the SSR server). */
export const PROXY_PATH = '/horizon-api'

/** Where the app finds Horizon until the user picks another server on the login screen. */
export const DEFAULT_BASE_URL = import.meta.env.VITE_HORIZON_URL?.trim() || PROXY_PATH

/** Demo users offered on the login screen (any password works on the dev server). Empty for a real Horizon. */
export const DEMO_USERS: readonly string[] = (import.meta.env.VITE_DEMO_USERS ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean)

/** The identity provider of "Sign in with SSO" in the browser, when the build names one. */
export const SSO_SETTINGS = import.meta.env.VITE_OIDC_ISSUER?.trim()
  ? {
      issuer: import.meta.env.VITE_OIDC_ISSUER.trim(),
      clientId: import.meta.env.VITE_OIDC_CLIENT_ID?.trim() || 'horizon-admin',
      ...(import.meta.env.VITE_OIDC_RESOURCE ? { resource: import.meta.env.VITE_OIDC_RESOURCE.trim() } : {}),
      ...(import.meta.env.VITE_OIDC_SCOPE ? { scope: import.meta.env.VITE_OIDC_SCOPE.trim() } : {}),
    }
  : undefined
