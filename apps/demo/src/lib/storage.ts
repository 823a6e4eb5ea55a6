/**
 * Preferences kept across visits. Only harmless values live here (server URL, last username, view
 * modes): tokens and passwords stay in memory, so a script injected into the page could not read a
 * stored credential.
 */
const PREFIX = 'horizon-admin:'

export function readPref(key: string): string | undefined {
  try {
    return localStorage.getItem(PREFIX + key) ?? undefined
  } catch {
    // Storage can be disabled (private mode, policies): preferences are a convenience only.
    return undefined
  }
}

export function writePref(key: string, value: string): void {
  try {
    localStorage.setItem(PREFIX + key, value)
  } catch {
    // see readPref
  }
}
