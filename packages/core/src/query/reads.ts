/**
 * The read factories, named by their operation rows (`read.query`, `read.pages`): which operation
 * each calls and whether it is the infinite list. `horizonKeys`, `horizonQueries` and the React
 * hooks map over it, so a read added to the table gets all three.
 */
import { type OperationResult, operations, type ReadInfo, type ReadName } from '../horizon/operations.js'
import type { PageResponseV1 } from '../horizon/types.js'

/** The one-piece factory name of read `K` (`'hwm'` for `getHwm`). */
export type QueryNameOf<K extends ReadName> = (typeof operations)[K] extends { read: { query: infer Q extends string } }
  ? Q
  : never
/** The infinite-list factory name of a paginated read (`'hwmInfinite'` for `paginateHwm`). */
export type PagesNameOf<K extends ReadName> = (typeof operations)[K] extends { read: { pages: infer P extends string } }
  ? P
  : never
/** The item of a paginated read's pages. */
export type ItemOf<K extends ReadName> = OperationResult<K> extends PageResponseV1<infer T> ? T : never

/** Every read factory: the operation it calls, and whether it is the infinite list of its pages. */
export type HorizonReads = {
  [K in ReadName as QueryNameOf<K>]: { operation: K; infinite: false }
} & { [K in ReadName as PagesNameOf<K>]: { operation: K; infinite: true } }

/**
 * Every read factory of `horizonQueries`, with the operation it calls.
 * @example `horizonReads.hwmInfinite // { operation: 'paginateHwm', infinite: true }`
 */
export const horizonReads: HorizonReads = /* @__PURE__ */ readsOf()

// A function, marked pure, so that bundles importing only other parts of the entry drop the table.
function readsOf(): HorizonReads {
  const table: Record<string, { operation: ReadName; infinite: boolean }> = {}
  for (const [operation, { read }] of Object.entries(operations) as [ReadName, { read?: ReadInfo }][])
    if (read) {
      table[read.query] = { operation, infinite: false }
      if (read.pages) table[read.pages] = { operation, infinite: true }
    }
  return table as HorizonReads
}
