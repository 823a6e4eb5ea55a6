import type { Change } from '../horizon/changes.js'
import {
  type OperationArgs,
  type OperationResult,
  operations,
  type WriteInfo,
  type WriteName,
} from '../horizon/operations.js'
import { type Effect, invalidate, remove, write } from './effects.js'
import type { HorizonKey, HorizonKeys } from './keys.js'

/** The operations that write. */
export type MutationName = WriteName

/** What an effect row sees: the client's keys, the call's arguments and answer, the cache before any effect. */
export interface EffectInput<K extends MutationName> {
  keys: HorizonKeys
  args: OperationArgs<K>
  result: OperationResult<K>
  cached: <T>(key: HorizonKey<T>) => T | undefined
}

/** One row per mutation: the keys it writes, invalidates or removes. */
export type InvalidationTable = { [K in MutationName]: (input: EffectInput<K>) => Effect[] }

/**
 * What each mutation does to the cache, mapped from the `write.changes` of its operation row
 * (the one place that decides it); the hooks and `horizonMutations` only apply it. A subject is
 * a prefix: "changed HWM 5" invalidates its history and every other read about it, but not the
 * keys the same effects write.
 * @example
 * ```ts
 * const effects = invalidation.updateHwm({ keys, args: [5, { value: 2 }], result: hwm, cached })
 * await applyEffects(queryClient, effects)
 * ```
 */
export const invalidation: InvalidationTable = /* @__PURE__ */ invalidationOf()

// A function, marked pure, so that bundles importing only other parts of the entry drop the table.
function invalidationOf(): InvalidationTable {
  const table: Partial<Record<MutationName, (input: EffectInput<MutationName>) => Effect[]>> = {}
  for (const [name, { write: info }] of Object.entries(operations) as [MutationName, { write?: WriteInfo }][])
    if (info)
      table[name] = ({ keys, args, result, cached }) => {
        const of = keys.of as (name: string, ...args: unknown[]) => HorizonKey<unknown>
        // Each change of the row as a cache effect: its answer written, its subject invalidated or removed.
        return (info.changes as WriteInfo<unknown[], unknown>['changes'])({
          args: args as unknown[],
          result,
          known: (read, ...a) => cached(of(read, ...a)) as never,
        }).map((change: Change) =>
          change.kind === 'answers'
            ? write(of(change.read, ...change.args), result)
            : change.kind === 'changed'
              ? invalidate(keys.about(...change.about))
              : remove(keys.about(...change.about, ...(change.read ? [change.read] : []))),
        )
      }
  return table as InvalidationTable
}
