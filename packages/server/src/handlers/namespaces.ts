/** `/v1/namespaces/`: list, read, create, update, delete. Names are unique across the server. */
import { alreadyExists, badRequest } from '../errors.js'
import { created, type Handlers } from '../handler-types.js'
import { byName, paginate } from '../paging.js'
import { getNamespace, requireRole } from '../roles.js'
import { toNamespace } from '../serialize.js'
import { addNamespaceHistory, namespaceSnapshot, type Tables } from '../store.js'

const nameTaken = (t: Tables, name: string, except?: number) => {
  for (const ns of t.namespaces.values()) if (ns.name === name && ns.id !== except) return true
  return false
}

export const namespaceHandlers = {
  paginateNamespaces({ query, store }) {
    const t = store.tables
    const rows = [...t.namespaces.values()].filter((ns) => !query.name || ns.name === query.name).sort(byName)
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
        id: ++t.seq.namespace,
        name: data.name,
        description: data.description ?? '',
        ownerId: user.id,
        changedAt: now,
        changedById: user.id,
      }
      t.namespaces.set(row.id, row)
      addNamespaceHistory(t, namespaceSnapshot(row, 'Created'))
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
      t.namespaces.set(id, row)
      addNamespaceHistory(t, namespaceSnapshot(row, 'Updated'))
      return row
    })
    return toNamespace(store.tables, ns)
  },

  deleteNamespace({ path: { namespace_id: id }, store, user, superadmin }) {
    store.transaction((t) => {
      requireRole(t, id, user.id, superadmin, 'OWNER')
      for (const hwm of t.hwms.values())
        if (hwm.namespaceId === id)
          throw badRequest('Cannot delete namespace because it has related HWM records.', null)
      const old = getNamespace(t, id)
      t.namespaces.delete(id)
      t.roles.delete(id)
      // hwm_history.namespace_id cascades on delete in Horizon's schema; namespace history stays.
      for (const row of t.hwmHistory.values()) if (row.namespaceId === id) t.hwmHistory.delete(row.id)
      // The row keeps the namespace's last changed_at; only changed_by names the deleting user.
      addNamespaceHistory(t, { ...namespaceSnapshot(old, 'Deleted'), changedById: user.id })
    })
  },
} satisfies Partial<Handlers>
