/** `/v1/hwm/`: list, read, create, update, delete one. Names are unique within a namespace. */
import type { HWMCreateRequestV1, HWMPaginateQueryV1, HWMUpdateRequestV1 } from '@horizon-ts/core'
import { queryOf } from '../body.js'
import { alreadyExists, jsonResponse, notFound } from '../errors.js'
import { byName, type PageQuery, paginate } from '../paging.js'
import { getNamespace, requireRole } from '../roles.js'
import type { Route } from '../router.js'
import { toHwm } from '../serialize.js'
import { addHwmHistory, type HwmRow, hwmNamed, hwmSnapshot, type Tables } from '../store.js'
import { Checker, check } from '../validation.js'

export function getHwm(t: Tables, id: number): HwmRow {
  const hwm = t.hwms.get(id)
  if (!hwm) throw notFound('HWM', 'id', id)
  return hwm
}

const hwmPath = (params: unknown) => check<{ hwm_id: number }>('HwmPath', params, 'path').hwm_id

export const hwmRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/hwm/',
    auth: true,
    handle({ runtime, url }) {
      const query = check<HWMPaginateQueryV1 & PageQuery>('PaginateHwmQuery', queryOf(url), 'query')
      const t = runtime.store.tables
      const rows = [...t.hwms.values()]
        .filter((h) => h.namespaceId === query.namespace_id && (!query.name || h.name === query.name))
        .sort(byName)
      return jsonResponse(paginate(rows, query, (h) => toHwm(t, h)))
    },
  },
  {
    method: 'GET',
    path: '/v1/hwm/{hwm_id}',
    auth: true,
    handle({ runtime, params }) {
      const t = runtime.store.tables
      return jsonResponse(toHwm(t, getHwm(t, hwmPath(params))))
    },
  },
  {
    method: 'POST',
    path: '/v1/hwm/',
    auth: true,
    body: 'json',
    handle({ runtime, body, user, superadmin }) {
      const data = check<HWMCreateRequestV1>('HWMCreateRequestV1', body, 'body')
      const hwm = runtime.store.transaction((t) => {
        requireRole(t, data.namespace_id, user.id, superadmin, 'DEVELOPER')
        getNamespace(t, data.namespace_id) // a superadmin skips the check above; the foreign key still holds
        if (hwmNamed(t, data.namespace_id, data.name)) throw alreadyExists('HWM', 'name', data.name)
        const row: HwmRow = {
          id: ++t.seq.hwm,
          namespaceId: data.namespace_id,
          name: data.name,
          description: data.description ?? '',
          type: data.type,
          value: data.value,
          entity: data.entity ?? null,
          expression: data.expression ?? null,
          changedAt: runtime.store.clock.now(),
          changedById: user.id,
        }
        t.hwms.set(row.id, row)
        addHwmHistory(t, hwmSnapshot(row, 'Created'))
        return row
      })
      return jsonResponse(toHwm(runtime.store.tables, hwm), 201)
    },
  },
  {
    method: 'PATCH',
    path: '/v1/hwm/{hwm_id}',
    auth: true,
    body: 'json',
    handle({ runtime, params, body, user, superadmin }) {
      const checker = new Checker()
      const { hwm_id: id } = checker.part<{ hwm_id: number }>('HwmPath', params, 'path')
      const changes = checker.part<HWMUpdateRequestV1>('HWMUpdateRequestV1', body, 'body')
      checker.done()
      const hwm = runtime.store.transaction((t) => {
        const old = getHwm(t, id) // 404 comes before the permission check
        requireRole(t, old.namespaceId, user.id, superadmin, 'DEVELOPER')
        if (changes.name !== undefined && hwmNamed(t, old.namespaceId, changes.name, id))
          throw alreadyExists('HWM', 'name', changes.name)
        const row: HwmRow = { ...old, ...changes, changedAt: runtime.store.clock.now(), changedById: user.id }
        t.hwms.set(id, row)
        addHwmHistory(t, hwmSnapshot(row, 'Updated'))
        return row
      })
      return jsonResponse(toHwm(runtime.store.tables, hwm))
    },
  },
  {
    method: 'DELETE',
    path: '/v1/hwm/{hwm_id}',
    auth: true,
    handle({ runtime, params, user, superadmin }) {
      const id = hwmPath(params)
      runtime.store.transaction((t) => {
        const old = getHwm(t, id)
        requireRole(t, old.namespaceId, user.id, superadmin, 'MAINTAINER')
        t.hwms.delete(id)
        // Keeps the HWM's last changed_at; changed_by names the deleting user.
        addHwmHistory(t, { ...hwmSnapshot(old, 'Deleted'), changedById: user.id })
      })
      return new Response(null, { status: 204 })
    },
  },
]
