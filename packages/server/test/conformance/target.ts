/**
 * The server under test. By default a fresh `@horizon-ts/server` on a random loopback port; with
 * `HORIZON_URL` set, that server instead (a real Horizon is the reference the suite must match).
 */
import { adminUser, isRemote, remoteUrl } from '../../../../tests/support/target.js'

export { adminUser, isRemote }
export const noAdmin = !adminUser

export interface Target {
  baseUrl: string
  close: () => Promise<void>
  adminUser?: string
  kind: 'local' | 'remote'
}

export async function startTarget(): Promise<Target> {
  if (remoteUrl) return { baseUrl: remoteUrl, close: async () => {}, adminUser, kind: 'remote' }
  return startLocal()
}

/** Always a local server, for what cannot be arranged remotely (short token lifetime, load). */
export async function startLocal(options: { tokenTtlSeconds?: number } = {}): Promise<Target> {
  const { startHorizonServer } = await import('@horizon-ts/server')
  const server = await startHorizonServer({
    port: 0,
    seed: 'empty',
    tokenTtlSeconds: options.tokenTtlSeconds ?? 36000,
    superadmins: ['admin'],
  })
  return { baseUrl: server.url, close: () => server.close(), adminUser: 'admin', kind: 'local' }
}
