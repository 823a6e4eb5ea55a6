/**
 * A generated data set of any size, for benchmarks and demos: built straight into the tables (no
 * HTTP, no transaction), e.g. 10 namespaces of 1,000 HWMs in a few tens of milliseconds.
 */
import type { Clock } from './clock.js'
import { type HwmRow, hwmSnapshot, namespaceSnapshot, Tables, userByName } from './store.js'
import { wholeNumber } from './whole-number.js'

/**
 * How big a generated data set is. Namespaces are `bulk-001`, `bulk-002`…, owned by `owner`; their
 * HWMs `hwm-00001`… are `column_int` with integer values, each with `historyPerHwm` history rows
 * (a `Created`, then `Updated` ones, the value growing).
 * @example
 * ```ts
 * const server = await startHorizonServer({ seed: { namespaces: 1, hwmsPerNamespace: 10_000 }, superadmins: ['admin'] })
 * ```
 */
export interface BulkSeed {
  namespaces: number
  hwmsPerNamespace: number
  /** History rows per HWM, at least 1 (its creation). Default 1. */
  historyPerHwm?: number
  /** Owner of every namespace (created as a user). Default `admin`. */
  owner?: string
}

/** The seed checked: throws a TypeError naming the bad field. */
export function checkBulkSeed(seed: BulkSeed): Required<BulkSeed> {
  const owner = seed.owner ?? 'admin'
  if (typeof owner !== 'string' || !owner) throw new TypeError('seed.owner must be a non-empty string')
  return {
    namespaces: wholeNumber('seed.namespaces', seed.namespaces),
    hwmsPerNamespace: wholeNumber('seed.hwmsPerNamespace', seed.hwmsPerNamespace),
    historyPerHwm: wholeNumber('seed.historyPerHwm', seed.historyPerHwm ?? 1, 1),
    owner,
  }
}

export function bulkTables(seed: BulkSeed, clock: Clock): Tables {
  const { namespaces, hwmsPerNamespace, historyPerHwm, owner } = checkBulkSeed(seed)
  const t = new Tables()
  const user = userByName(t, owner)
  const width = String(hwmsPerNamespace).length
  for (let n = 1; n <= namespaces; n++) {
    const changedAt = clock.now()
    const ns = {
      id: t.next('namespace'),
      name: `bulk-${String(n).padStart(3, '0')}`,
      description: `${hwmsPerNamespace} generated HWMs`,
      ownerId: user.id,
      changedAt,
      changedById: user.id,
    }
    t.putNamespace(ns)
    t.addNamespaceHistory(namespaceSnapshot(ns, 'Created'))
    for (let i = 1; i <= hwmsPerNamespace; i++) {
      let hwm: HwmRow | undefined
      for (let version = 0; version < historyPerHwm; version++) {
        const fields = { value: i * 1000 + version, changedAt: clock.now(), changedById: user.id }
        hwm = hwm
          ? { ...hwm, ...fields }
          : {
              id: t.next('hwm'),
              namespaceId: ns.id,
              name: `hwm-${String(i).padStart(width, '0')}`,
              description: '',
              type: 'column_int',
              entity: `bulk.table_${i}`,
              expression: 'id',
              ...fields,
            }
        t.putHwm(hwm)
        t.addHwmHistory(hwmSnapshot(hwm, version ? 'Updated' : 'Created'))
      }
    }
  }
  return t
}
