import { describe, expect, it } from 'vitest'
import { HORIZON_VERSION, HorizonClient } from '../src/index.js'
import { isRemote, useTarget } from './server.js'

describe.skipIf(isRemote)('server version check', () => {
  const newer = useTarget({ version: '1.2.0' })
  const same = useTarget({ version: HORIZON_VERSION })

  it('warns once through onWarning when the server is newer than the types', async () => {
    const warnings: string[] = []
    const c = new HorizonClient({ baseUrl: newer.url, hooks: { onWarning: (m) => void warnings.push(m) } })
    await c.ping()
    await c.ping()
    expect(warnings).toEqual([
      `Horizon client types are for ${HORIZON_VERSION}, the server runs 1.2.0. Please upgrade.`,
    ])
  })

  it('stays quiet for the same version', async () => {
    const warnings: string[] = []
    await new HorizonClient({ baseUrl: same.url, hooks: { onWarning: (m) => void warnings.push(m) } }).ping()
    expect(warnings).toEqual([])
  })
})
