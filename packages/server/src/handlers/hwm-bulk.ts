/** `DELETE /v1/hwm/` (bulk delete) and `POST /v1/hwm/copy`. Ids outside the namespace are ignored. */
import { alreadyExists } from '../errors.js'
import { created, type Handlers } from '../handler-types.js'
import { getNamespace, requireRole } from '../roles.js'
import { toHwm } from '../serialize.js'
import { type HwmRow, hwmSnapshot, type Tables } from '../store.js'

/** The namespace's HWMs among `ids`, by id (the order PostgreSQL returns them in practice). */
function selectIn(t: Tables, namespaceId: number, ids: number[]): HwmRow[] {
  const wanted = new Set(ids)
  return [...wanted]
    .map((id) => t.hwms.get(id))
    .filter((h): h is HwmRow => h?.namespaceId === namespaceId)
    .sort((a, b) => a.id - b.id)
}

export const bulkHandlers = {
  bulkDeleteHwm({ body: data, store, user, superadmin }) {
    store.transaction((t) => {
      requireRole(t, data.namespace_id, user.id, superadmin, 'MAINTAINER')
      for (const hwm of selectIn(t, data.namespace_id, data.hwm_ids)) {
        t.removeHwm(hwm.id)
        // Unlike a single delete, the row keeps the HWM's last writer as changed_by (Horizon 1.1.3).
        t.addHwmHistory(hwmSnapshot(hwm, 'Deleted'))
      }
    })
  },

  bulkCopyHwm({ body: data, store, user, superadmin }) {
    const { source_namespace_id: source, target_namespace_id: target } = data
    const copies = store.transaction((t) => {
      requireRole(t, target, user.id, superadmin, 'DEVELOPER') // the target only
      getNamespace(t, source)
      const originals = selectIn(t, source, data.hwm_ids)
      // A superadmin skips the role check; Horizon then meets a missing target only through the
      // copies' foreign key: with nothing to copy, it answers 201 and no HWMs.
      if (originals.length) getNamespace(t, target)
      const clash = originals.find((h) => t.hwmNamed(target, h.name))
      if (clash) throw alreadyExists('HWM', 'name', clash.name)
      const copies = originals.map((h) => {
        // The copy keeps changed_at and changed_by of the original.
        const copy = { ...h, id: t.next('hwm'), namespaceId: target }
        t.putHwm(copy)
        return copy
      })
      if (data.with_history)
        originals.forEach((h, i) => {
          const old = [...t.hwmHistoryOf(h.id)]
          // Copied rows point to the new HWM but keep their namespace_id, as Horizon copies them.
          for (const { id: _, ...row } of old) t.addHwmHistory({ ...row, hwmId: copies[i]!.id })
        })
      for (const copy of copies) {
        const action = `Copied from namespace ${source} to namespace ${target}`
        t.addHwmHistory({ ...hwmSnapshot(copy, action), changedById: user.id })
      }
      return copies
    })
    const t = store.tables
    return created({ hwms: copies.map((h) => toHwm(t, h)) })
  },
} satisfies Partial<Handlers>
