/** `/v1/namespaces/`: list, read, create, update, delete. Names are unique across the server. */
import { alreadyExists, badRequest } from '../errors.js'
import { created, type Handlers } from '../handler-types.js'
import { paginate } from '../paging.js'
import { getNamespace, requireRole } from '../roles.js'
import { toNamespace } from '../serialize.js'
import { namespaceSnapshot, type Tables } from '../store.js'

const nameTaken = (t: Tables, name: string, except?: number) => t.namespaceNamed(name, except) !== undefined

export const namespaceHandlers = {
  paginateNamespaces({ query, store }) {
    const t = store.tables
    const named = query.name ? t.namespaceNamed(query.name) : undefined
    const rows = query.name ? (named ? [named] : []) : t.namespacesByName()
    return paginate(rows, query, (ns) => toNamespace(t, ns))
  },

  getNamespace({ path, store }) {
    const t = store.tables
    return toNamespace(t, getNamespace(t, path.namespace_id))
  },

  createNamespace({ body: data, store, user }) {
    const ns = store.transaction((t) => {
      if (nameTaken(t, data.name)) throw alreadyExists('Namespace', 'name', data.name)
      const now = store.clock.now()
      const row = {
        id: t.next('namespace'),
        name: data.name,
        description: data.description ?? '',
        ownerId: user.id,
        changedAt: now,
        changedById: user.id,
      }
      t.putNamespace(row)
      t.addNamespaceHistory(namespaceSnapshot(row, 'Created'))
      return row
    })
    return created(toNamespace(store.tables, ns))
  },

  updateNamespace({ path: { namespace_id: id }, body: changes, store, user, superadmin }) {
    const ns = store.transaction((t) => {
      requireRole(t, id, user.id, superadmin, 'OWNER')
      const old = getNamespace(t, id)
      if (changes.name !== undefined && nameTaken(t, changes.name, id))
        throw alreadyExists('Namespace', 'name', changes.name)
      const row = { ...old, ...changes, changedAt: store.clock.now(), changedById: user.id }
      t.putNamespace(row)
      t.addNamespaceHistory(namespaceSnapshot(row, 'Updated'))
      return row
    })
    return toNamespace(store.tables, ns)
  },

  deleteNamespace({ path: { namespace_id: id }, store, user, superadmin }) {
    store.transaction((t) => {
      requireRole(t, id, user.id, superadmin, 'OWNER')
      if (t.hwmsByName(id).length) throw badRequest('Cannot delete namespace because it has related HWM records.', null)
      const old = getNamespace(t, id)
      t.removeNamespace(id)
      for (const userId of [...t.rolesIn(id).keys()]) t.setRole(id, userId, null)
      // hwm_history.namespace_id cascades on delete in Horizon's schema; namespace history stays.
      for (const rowId of [...t.hwmHistoryIn(id)]) t.removeHwmHistory(rowId)
      // The row keeps the namespace's last changed_at; only changed_by names the deleting user.
      t.addNamespaceHistory({ ...namespaceSnapshot(old, 'Deleted'), changedById: user.id })
    })
  },
} satisfies Partial<Handlers>
