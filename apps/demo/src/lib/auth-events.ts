import { AuthorizationError } from '@horizon-ts/core'

/**
 * Raised when any read or write fails with a 401 (an expired or revoked token). The query client
 * reports here from outside React; the session watcher, inside it, logs out and sends the user to
 * the login screen with the current route kept.
 */
export const authLost = new EventTarget()

export function reportAuthError(error: unknown): void {
  if (error instanceof AuthorizationError) authLost.dispatchEvent(new Event('lost'))
}
