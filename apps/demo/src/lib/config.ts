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
