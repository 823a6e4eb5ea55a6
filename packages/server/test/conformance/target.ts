/**
 * The server under test: `startTarget` of tests/support/target.ts. By default a fresh
 * `@horizon-ts/server` on a random loopback port; with `HORIZON_URL` set, that server instead (a real
 * Horizon is the reference the suite must match).
 */
import { adminUser, isRemote, startTarget as start } from '../../../../tests/support/target.js'

export { adminUser, isRemote }
export const noAdmin = !adminUser

export interface Target {
  baseUrl: string
  close: () => Promise<void>
  adminUser?: string
  kind: 'local' | 'remote'
}

const adapt = ({ url, close, adminUser, kind }: Awaited<ReturnType<typeof start>>): Target => ({
  baseUrl: url,
  close,
  adminUser,
  kind,
})

export async function startTarget(): Promise<Target> {
  return adapt(await start())
}

/** Always a local server, for what cannot be arranged remotely (short token lifetime, load). */
export async function startLocal(options: { tokenTtlSeconds?: number } = {}): Promise<Target> {
  return adapt(await start({ mode: 'local', ...options }))
}
