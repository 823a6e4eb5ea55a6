import { HorizonClient } from '@horizon-ts/core'
import { noteServerVersion } from './server-info'

/** A base URL as the client needs it: absolute (a path like `/horizon-api` is on this origin), no trailing slash. */
export function absoluteBaseUrl(url: string): string {
  // A server render passes absolute URLs: it has no location to resolve against.
  const base = typeof window === 'undefined' ? undefined : window.location.href
  return new URL(url.trim() || '/', base).href.replace(/\/+$/, '')
}

/** The app's Horizon client for a server; `useLogin` gives it its auth. */
export function createClient(baseUrl: string): HorizonClient {
  return new HorizonClient({
    baseUrl: absoluteBaseUrl(baseUrl),
    hooks: { onResponse: ({ headers }) => noteServerVersion(headers.get('x-application-version')) },
  })
}
