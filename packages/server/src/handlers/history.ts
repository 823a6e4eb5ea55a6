/** `/v1/hwm-history/` and `/v1/namespace-history/`: change logs, newest first. */
import type { Handlers } from '../handler-types.js'
import { newestFirst, paginate } from '../paging.js'
import { toHwmHistory, toNamespaceHistory } from '../serialize.js'

export const historyHandlers = {
  paginateHwmHistory({ query, store }) {
    const t = store.tables
    const rows = [...t.hwmHistoryOf(query.hwm_id)].sort(newestFirst)
    return paginate(rows, query, (row) => toHwmHistory(t, row))
  },
  paginateNamespaceHistory({ query, store }) {
    const t = store.tables
    const rows = [...t.namespaceHistoryOf(query.namespace_id)].sort(newestFirst)
    return paginate(rows, query, (row) => toNamespaceHistory(t, row))
  },
} satisfies Partial<Handlers>
