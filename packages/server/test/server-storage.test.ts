/**
 * The indexed tables against a model that recomputes every answer from the rows alone: random writes,
 * some in transactions rolled back, must leave indexes (names, name order, history per HWM and per
 * namespace) that agree with a filter-and-sort of the rows, and a replay of the committed changes
 * must rebuild the same tables.
 */
import { describe, expect, it } from 'vitest'
import { Clock } from '../src/clock.js'
import { byName } from '../src/paging.js'
import type { Change } from '../src/storage/tables.js'
import { type HwmRow, Store, Tables } from '../src/store.js'
import { seededRandom } from './seeded-random.js'

/** Every index answer, recomputed from the primary rows. */
function expected(t: Tables) {
  const hwms = [...t.hwms.values()]
  const namespaces = [...new Set([1, 2, 3, ...hwms.map((h) => h.namespaceId)])]
  return {
    byName: namespaces.map((ns) => hwms.filter((h) => h.namespaceId === ns).sort(byName)),
    named: hwms.map((h) => h.id).sort((a, b) => a - b),
  }
}

/** The rows of every table, in a fixed order (insertion order differs after rollbacks). */
const rowsOf = (t: Tables) =>
  [...t.snapshot()].sort(([ta, ka], [tb, kb]) => (ta === tb ? String(ka).localeCompare(String(kb)) : ta < tb ? -1 : 1))

function actual(t: Tables) {
  const hwms = [...t.hwms.values()]
  const namespaces = [...new Set([1, 2, 3, ...hwms.map((h) => h.namespaceId)])]
  return {
    byName: namespaces.map((ns) => [...t.hwmsByName(ns)]),
    named: hwms.map((h) => t.hwmNamed(h.namespaceId, h.name)?.id).sort((a, b) => a! - b!),
  }
}

describe('indexed tables', () => {
  it('keep their indexes equal to a filter and sort of the rows through 3,000 random writes and rollbacks', () => {
    const pick = seededRandom(42)
    const store = new Store(new Clock())
    const committed: Change[] = []
    store.persistTo({ append: (changes) => committed.push(...changes), flushed: async () => {} })
    const names = ['a', 'b', 'c', 'd', 'e', 'é', 'Z', '']
    for (let step = 0; step < 3000; step++) {
      const fail = pick(4) === 0
      try {
        store.transaction((t) => {
          for (let n = 1 + pick(3); n > 0; n--) {
            const existing = [...t.hwms.values()]
            const old = existing.length ? existing[pick(existing.length)] : undefined
            const action = pick(5) % 3 // creates twice as often as the rest, so the tables grow
            if (action === 0 || (action === 2 && pick(2) === 0) || !old) {
              const namespaceId = 1 + pick(3)
              const name = `${names[pick(names.length)]}${pick(20)}`
              if (t.hwmNamed(namespaceId, name)) continue
              const row: HwmRow = {
                id: t.next('hwm'),
                namespaceId,
                name,
                description: '',
                type: 't',
                value: step,
                entity: null,
                expression: null,
                changedAt: step,
                changedById: null,
              }
              t.putHwm(row)
              t.addHwmHistory({ ...row, hwmId: row.id, action: 'Created' })
            } else if (action === 1) {
              const name = `${names[pick(names.length)]}${pick(20)}`
              if (t.hwmNamed(old.namespaceId, name, old.id)) continue
              t.putHwm({ ...old, name, value: step })
            } else {
              t.removeHwm(old.id)
              for (const id of [...t.hwmHistoryIn(old.namespaceId)]) if (pick(5) === 0) t.removeHwmHistory(id)
            }
          }
          if (fail) throw new Error('rolled back')
        })
      } catch (error) {
        if (!fail) throw error
      }
    }
    const t = store.tables
    expect(t.count('hwms')).toBeGreaterThan(50)
    expect(actual(t)).toEqual(expected(t))
    const history = [...t.snapshot()].flatMap((change) => (change[0] === 'hwmHistory' && change[2] ? [change[2]] : []))
    for (const hwmId of new Set(history.map((row) => row.hwmId)))
      expect([...t.hwmHistoryOf(hwmId)]).toEqual(
        history.filter((row) => row.hwmId === hwmId).sort((a, b) => a.id - b.id),
      )
    for (const ns of [1, 2, 3])
      expect([...t.hwmHistoryIn(ns)].sort((a, b) => a - b)).toEqual(
        history
          .filter((row) => row.namespaceId === ns)
          .map((row) => row.id)
          .sort((a, b) => a - b),
      )

    const replayed = new Tables()
    for (const change of committed) replayed.apply(change)
    expect(rowsOf(replayed)).toEqual(rowsOf(t))
    expect(actual(replayed)).toEqual(actual(t))
  })

  it('undo a failed transaction completely, the sequence included', () => {
    const store = new Store(new Clock())
    store.transaction((t) => t.putUser({ id: t.next('user'), username: 'alice' }))
    const before = rowsOf(store.tables)
    expect(() =>
      store.transaction((t) => {
        t.putUser({ id: t.next('user'), username: 'bob' })
        t.putUser({ id: 1, username: 'alice2' })
        throw new Error('no')
      }),
    ).toThrow('no')
    expect(rowsOf(store.tables)).toEqual(before)
    expect(store.tables.userIds.get('alice')).toBe(1)
    expect(store.tables.userIds.has('alice2')).toBe(false)
  })

  it('roll back when the journal refuses the changes (a full disk): nothing is kept that is not logged', () => {
    const store = new Store(new Clock())
    store.persistTo({
      append: () => {
        throw new Error('ENOSPC')
      },
      flushed: async () => {},
    })
    expect(() => store.transaction((t) => t.putUser({ id: t.next('user'), username: 'alice' }))).toThrow('ENOSPC')
    expect(store.tables.count('users')).toBe(0)
    expect(store.tables.count('seq')).toBe(0)
  })
})
