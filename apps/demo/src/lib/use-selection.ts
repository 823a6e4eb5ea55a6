import { useState } from 'react'

/**
 * Selected rows by id, with their names for confirmations ("Delete orders and 2 more?"). The
 * selection survives paging, so HWMs from several pages can be copied or deleted together.
 */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlyMap<number, string>>(new Map())
  const change = (fn: (next: Map<number, string>) => void) =>
    setSelected((prev) => {
      const next = new Map(prev)
      fn(next)
      return next
    })
  return {
    selected,
    ids: [...selected.keys()],
    names: [...selected.values()],
    has: (id: number) => selected.has(id),
    toggle: (id: number, name: string) => change((m) => (m.has(id) ? m.delete(id) : m.set(id, name))),
    setAll: (rows: { id: number; name: string }[], on: boolean) =>
      change((m) => {
        for (const row of rows) {
          if (on) m.set(row.id, row.name)
          else m.delete(row.id)
        }
      }),
    drop: (ids: number[]) =>
      change((m) => {
        for (const id of ids) m.delete(id)
      }),
    clear: () => setSelected(new Map()),
  }
}

export type Selection = ReturnType<typeof useSelection>
