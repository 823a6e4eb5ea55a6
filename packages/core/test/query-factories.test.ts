/** The read factories' shape that adapters rely on: one declared parameter per operation argument. */
import { describe, expect, it } from 'vitest'
import { horizonQueries, horizonReads } from '../src/entries/query.js'
import { HorizonClient, operations } from '../src/index.js'

const queries = horizonQueries(new HorizonClient({ baseUrl: 'http://h' })) as unknown as Record<string, () => object>

describe('read factories', () => {
  it('each declares its operation’s arguments, so `length` is where TanStack’s options start', () => {
    for (const [name, { operation }] of Object.entries(horizonReads))
      expect(queries[name]!.length, name).toBe(operations[operation].parts.length)
  })

  it('every read takes at most one argument (the factories declare none or one)', () => {
    for (const { operation } of Object.values(horizonReads))
      expect(operations[operation].parts.length, operation).toBeLessThanOrEqual(1)
  })
})
