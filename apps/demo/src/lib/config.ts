/** Build-time settings (Vite env variables), each with a default that works for `npm run demo`. */

/** Where the app finds Horizon until the user picks another server on the login screen. */
export const DEFAULT_BASE_URL = import.meta.env.VITE_HORIZON_URL?.trim() || '/horizon-api'

/** Demo users offered on the login screen (any password works on the dev server). Empty for a real Horizon. */
export const DEMO_USERS: readonly string[] = (import.meta.env.VITE_DEMO_USERS ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean)
