/** `/v1/hwm-history/` and `/v1/namespace-history/`: change logs, newest first. */
import { queryOf } from '../body.js'
import { jsonResponse } from '../errors.js'
import { newestFirst, type PageQuery, paginate } from '../paging.js'
import type { Route } from '../router.js'
import { toHwmHistory, toNamespaceHistory } from '../serialize.js'
import { check } from '../validation.js'

export const historyRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/hwm-history/',
    auth: true,
    handle({ runtime, url }) {
      const query = check<PageQuery & { hwm_id: number }>('PaginateHwmHistoryQuery', queryOf(url), 'query')
      const t = runtime.store.tables
      const rows = [...t.hwmHistory.values()].filter((row) => row.hwmId === query.hwm_id).sort(newestFirst)
      return jsonResponse(paginate(rows, query, (row) => toHwmHistory(t, row)))
    },
  },
  {
    method: 'GET',
    path: '/v1/namespace-history/',
    auth: true,
    handle({ runtime, url }) {
      const query = check<PageQuery & { namespace_id: number }>('PaginateNamespaceHistoryQuery', queryOf(url), 'query')
      const t = runtime.store.tables
      const rows = [...t.namespaceHistory.values()]
        .filter((row) => row.namespaceId === query.namespace_id)
        .sort(newestFirst)
      return jsonResponse(paginate(rows, query, (row) => toNamespaceHistory(t, row)))
    },
  },
]
