/** `DELETE /v1/hwm/` (bulk delete) and `POST /v1/hwm/copy`. Ids outside the namespace are ignored. */
import type { HWMBulkCopyRequestV1, HWMBulkDeleteRequestV1 } from '@horizon-ts/core'
import { alreadyExists, jsonResponse } from '../errors.js'
import { getNamespace, requireRole } from '../roles.js'
import type { Route } from '../router.js'
import { toHwm } from '../serialize.js'
import { addHwmHistory, type HwmRow, hwmNamed, hwmSnapshot, type Tables } from '../store.js'
import { check } from '../validation.js'

/** The namespace's HWMs among `ids`, by id (the order PostgreSQL returns them in practice). */
function selectIn(t: Tables, namespaceId: number, ids: number[]): HwmRow[] {
  const wanted = new Set(ids)
  return [...wanted]
    .map((id) => t.hwms.get(id))
    .filter((h): h is HwmRow => h?.namespaceId === namespaceId)
    .sort((a, b) => a.id - b.id)
}

export const bulkRoutes: Route[] = [
  {
    method: 'DELETE',
    path: '/v1/hwm/',
    auth: true,
    body: 'json',
    handle({ runtime, body, user, superadmin }) {
      const data = check<HWMBulkDeleteRequestV1>('HWMBulkDeleteRequestV1', body, 'body')
      runtime.store.transaction((t) => {
        requireRole(t, data.namespace_id, user.id, superadmin, 'MAINTAINER')
        for (const hwm of selectIn(t, data.namespace_id, data.hwm_ids)) {
          t.hwms.delete(hwm.id)
          // Unlike a single delete, the row keeps the HWM's last writer as changed_by (Horizon 1.1.3).
          addHwmHistory(t, hwmSnapshot(hwm, 'Deleted'))
        }
      })
      return new Response(null, { status: 204 })
    },
  },
  {
    method: 'POST',
    path: '/v1/hwm/copy',
    auth: true,
    body: 'json',
    handle({ runtime, body, user, superadmin }) {
      const data = check<HWMBulkCopyRequestV1>('HWMBulkCopyRequestV1', body, 'body')
      const { source_namespace_id: source, target_namespace_id: target } = data
      const copies = runtime.store.transaction((t) => {
        requireRole(t, target, user.id, superadmin, 'DEVELOPER') // the target only
        getNamespace(t, source)
        getNamespace(t, target) // a superadmin skips the role check; the foreign key still holds
        const originals = selectIn(t, source, data.hwm_ids)
        const clash = originals.find((h) => hwmNamed(t, target, h.name))
        if (clash) throw alreadyExists('HWM', 'name', clash.name)
        const copies = originals.map((h) => {
          // The copy keeps changed_at and changed_by of the original.
          const copy = { ...h, id: ++t.seq.hwm, namespaceId: target }
          t.hwms.set(copy.id, copy)
          return copy
        })
        if (data.with_history)
          originals.forEach((h, i) => {
            const old = [...t.hwmHistory.values()].filter((row) => row.hwmId === h.id).sort((a, b) => a.id - b.id)
            // Copied rows point to the new HWM but keep their namespace_id, as Horizon copies them.
            for (const { id: _, ...row } of old) addHwmHistory(t, { ...row, hwmId: copies[i]!.id })
          })
        for (const copy of copies) {
          const action = `Copied from namespace ${source} to namespace ${target}`
          addHwmHistory(t, { ...hwmSnapshot(copy, action), changedById: user.id })
        }
        return copies
      })
      const t = runtime.store.tables
      return jsonResponse({ hwms: copies.map((h) => toHwm(t, h)) }, 201)
    },
  },
]
