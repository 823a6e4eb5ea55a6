import { type HorizonServer, startHorizonServer } from '@horizon-ts/server'
import { afterAll, beforeAll } from 'vitest'
import { isRemote, remoteUrl } from '../../../tests/support/target.js'
import { HorizonClient, type HorizonClientOptions, LoginPassword } from '../src/index.js'

// Tests that need the dev server's fault injection or request log skip when `isRemote`.
export { isRemote, remoteUrl }

export interface Target {
  url: string
  /** the dev server, when the suite runs against it */
  server?: HorizonServer
  /** a client logged in as `user` (a fresh login each time), responses validated */
  client(user?: string, options?: Partial<HorizonClientOptions>): HorizonClient
}

let seq = 0
/** A name no other test (or earlier run against a shared Horizon) uses. */
export const uniq = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${(seq++).toString(36)}`

/** Starts the dev server for the file (or points at HORIZON_URL) and closes it afterwards. */
export function useTarget(options: Parameters<typeof startHorizonServer>[0] = {}): Target {
  const target = {
    url: '',
    server: undefined,
    client: (user = 'alice', extra = {}) =>
      new HorizonClient({
        baseUrl: target.url,
        auth: new LoginPassword({ login: user, password: 'pw' }),
        validateResponses: true,
        retry: { total: 0 },
        ...extra,
      }),
  } as Target
  beforeAll(async () => {
    if (remoteUrl) {
      target.url = remoteUrl
      return
    }
    target.server = await startHorizonServer({ port: 0, seed: 'empty', superadmins: ['admin'], ...options })
    target.url = target.server.url
  })
  afterAll(async () => {
    await target.server?.close()
  })
  return target
}
