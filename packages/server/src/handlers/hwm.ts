/** `/v1/hwm/`: list, read, create, update, delete one. Names are unique within a namespace. */
import { alreadyExists, notFound } from '../errors.js'
import { created, type Handlers } from '../handler-types.js'
import { paginate } from '../paging.js'
import { getNamespace, requireRole } from '../roles.js'
import { toHwm } from '../serialize.js'
import { type HwmRow, hwmSnapshot, type Tables } from '../store.js'

/** The HWM, or 404. */
function existingHwm(t: Tables, id: number): HwmRow {
  const hwm = t.hwms.get(id)
  if (!hwm) throw notFound('HWM', 'id', id)
  return hwm
}

export const hwmHandlers = {
  paginateHwm({ query, store }) {
    const t = store.tables
    const named = query.name ? t.hwmNamed(query.namespace_id, query.name) : undefined
    const rows = query.name ? (named ? [named] : []) : t.hwmsByName(query.namespace_id)
    return paginate(rows, query, (h) => toHwm(t, h))
  },

  getHwm({ path, store }) {
    const t = store.tables
    return toHwm(t, existingHwm(t, path.hwm_id))
  },

  createHwm({ body: data, store, user, superadmin }) {
    const hwm = store.transaction((t) => {
      requireRole(t, data.namespace_id, user.id, superadmin, 'DEVELOPER')
      getNamespace(t, data.namespace_id) // a superadmin skips the check above; the foreign key still holds
      if (t.hwmNamed(data.namespace_id, data.name)) throw alreadyExists('HWM', 'name', data.name)
      const row: HwmRow = {
        id: t.next('hwm'),
        namespaceId: data.namespace_id,
        name: data.name,
        description: data.description ?? '',
        type: data.type,
        value: data.value,
        entity: data.entity ?? null,
        expression: data.expression ?? null,
        changedAt: store.clock.now(),
        changedById: user.id,
      }
      t.putHwm(row)
      t.addHwmHistory(hwmSnapshot(row, 'Created'))
      return row
    })
    return created(toHwm(store.tables, hwm))
  },

  updateHwm({ path: { hwm_id: id }, body: changes, store, user, superadmin }) {
    const hwm = store.transaction((t) => {
      const old = existingHwm(t, id) // 404 comes before the permission check
      requireRole(t, old.namespaceId, user.id, superadmin, 'DEVELOPER')
      if (changes.name !== undefined && t.hwmNamed(old.namespaceId, changes.name, id))
        throw alreadyExists('HWM', 'name', changes.name)
      const row: HwmRow = { ...old, ...changes, changedAt: store.clock.now(), changedById: user.id }
      t.putHwm(row)
      t.addHwmHistory(hwmSnapshot(row, 'Updated'))
      return row
    })
    return toHwm(store.tables, hwm)
  },

  deleteHwm({ path: { hwm_id: id }, store, user, superadmin }) {
    store.transaction((t) => {
      const old = existingHwm(t, id)
      requireRole(t, old.namespaceId, user.id, superadmin, 'MAINTAINER')
      t.removeHwm(id)
      // Keeps the HWM's last changed_at; changed_by names the deleting user.
      t.addHwmHistory({ ...hwmSnapshot(old, 'Deleted'), changedById: user.id })
    })
  },
} satisfies Partial<Handlers>
