/** The core suites' target: `startTarget` of tests/support/target.ts, started and closed around each file. */
import type { HorizonServer, HorizonServerOptions } from '@horizon-ts/server'
import { afterAll, beforeAll } from 'vitest'
import { testClient } from '../../../tests/support/client.js'
import { isRemote, remoteUrl, type Target as Started, startTarget } from '../../../tests/support/target.js'
import type { HorizonClient, HorizonClientOptions } from '../src/index.js'

// Tests that need the dev server's fault injection or request log skip when `isRemote`.
export { isRemote, remoteUrl }

export interface Target {
  url: string
  /** the dev server, when the suite runs against it */
  server?: HorizonServer
  /** a client logged in as `user` (a fresh login each time), responses validated, no retries */
  client(user?: string, options?: Partial<HorizonClientOptions>): HorizonClient
}

let seq = 0
/** A name no other test (or earlier run against a shared Horizon) uses. */
export const uniq = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${(seq++).toString(36)}`

/** Starts the dev server for the file (or points at HORIZON_URL) and closes it afterwards. */
export function useTarget(options: HorizonServerOptions = {}): Target {
  let started: Started | undefined
  const target: Target = {
    url: '',
    server: undefined,
    client: (user = 'alice', extra = {}) => testClient(target.url, user, extra),
  }
  beforeAll(async () => {
    started = await startTarget(options)
    target.url = started.url
    target.server = started.server
  })
  afterAll(async () => {
    await started?.close()
  })
  return target
}
