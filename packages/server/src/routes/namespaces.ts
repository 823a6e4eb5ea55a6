/** `/v1/namespaces/`: list, read, create, update, delete. Names are unique across the server. */
import type { NamespaceCreateRequestV1, NamespacePaginateQueryV1, NamespaceUpdateRequestV1 } from '@horizon-ts/core'
import { queryOf } from '../body.js'
import { alreadyExists, badRequest, jsonResponse } from '../errors.js'
import { byName, type PageQuery, paginate } from '../paging.js'
import { getNamespace, requireRole } from '../roles.js'
import type { Route, RouteContext } from '../router.js'
import { toNamespace } from '../serialize.js'
import { addNamespaceHistory, namespaceSnapshot, type Tables } from '../store.js'
import { Checker, check } from '../validation.js'

const nameTaken = (t: Tables, name: string, except?: number) => {
  for (const ns of t.namespaces.values()) if (ns.name === name && ns.id !== except) return true
  return false
}

/** The path id and the body, validated together (FastAPI reports both at once). */
function pathAndBody<T>({ params, body }: RouteContext, model: 'NamespaceUpdateRequestV1'): [number, T] {
  const checker = new Checker()
  const { namespace_id } = checker.part<{ namespace_id: number }>('NamespacePath', params, 'path')
  const value = checker.part<T>(model, body, 'body')
  checker.done()
  return [namespace_id, value]
}

export const namespaceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/namespaces/',
    auth: true,
    handle({ runtime, url }) {
      const query = check<NamespacePaginateQueryV1 & PageQuery>('PaginateNamespacesQuery', queryOf(url), 'query')
      const t = runtime.store.tables
      const rows = [...t.namespaces.values()].filter((ns) => !query.name || ns.name === query.name).sort(byName)
      return jsonResponse(paginate(rows, query, (ns) => toNamespace(t, ns)))
    },
  },
  {
    method: 'GET',
    path: '/v1/namespaces/{namespace_id}',
    auth: true,
    handle({ runtime, params }) {
      const { namespace_id } = check<{ namespace_id: number }>('NamespacePath', params, 'path')
      const t = runtime.store.tables
      return jsonResponse(toNamespace(t, getNamespace(t, namespace_id)))
    },
  },
  {
    method: 'POST',
    path: '/v1/namespaces/',
    auth: true,
    body: 'json',
    handle({ runtime, body, user }) {
      const data = check<NamespaceCreateRequestV1>('NamespaceCreateRequestV1', body, 'body')
      const ns = runtime.store.transaction((t) => {
        if (nameTaken(t, data.name)) throw alreadyExists('Namespace', 'name', data.name)
        const now = runtime.store.clock.now()
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
      return jsonResponse(toNamespace(runtime.store.tables, ns), 201)
    },
  },
  {
    method: 'PATCH',
    path: '/v1/namespaces/{namespace_id}',
    auth: true,
    body: 'json',
    handle(ctx) {
      const { runtime, user, superadmin } = ctx
      const [id, changes] = pathAndBody<NamespaceUpdateRequestV1>(ctx, 'NamespaceUpdateRequestV1')
      const ns = runtime.store.transaction((t) => {
        requireRole(t, id, user.id, superadmin, 'OWNER')
        const old = getNamespace(t, id)
        if (changes.name !== undefined && nameTaken(t, changes.name, id))
          throw alreadyExists('Namespace', 'name', changes.name)
        const row = { ...old, ...changes, changedAt: runtime.store.clock.now(), changedById: user.id }
        t.namespaces.set(id, row)
        addNamespaceHistory(t, namespaceSnapshot(row, 'Updated'))
        return row
      })
      return jsonResponse(toNamespace(runtime.store.tables, ns))
    },
  },
  {
    method: 'DELETE',
    path: '/v1/namespaces/{namespace_id}',
    auth: true,
    handle({ runtime, params, user, superadmin }) {
      const { namespace_id: id } = check<{ namespace_id: number }>('NamespacePath', params, 'path')
      runtime.store.transaction((t) => {
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
      return new Response(null, { status: 204 })
    },
  },
]
