/** The handler table: one handler per operation of `@horizon-ts/core`'s table, grouped by entity. */
import type { Handlers } from '../handler-types.js'
import { authHandlers } from './auth.js'
import { historyHandlers } from './history.js'
import { hwmHandlers } from './hwm.js'
import { bulkHandlers } from './hwm-bulk.js'
import { monitoringHandlers } from './monitoring.js'
import { namespaceHandlers } from './namespaces.js'
import { permissionHandlers } from './permissions.js'
import { userHandlers } from './users.js'

export const handlers = {
  ...monitoringHandlers,
  ...authHandlers,
  ...userHandlers,
  ...namespaceHandlers,
  ...permissionHandlers,
  ...hwmHandlers,
  ...bulkHandlers,
  ...historyHandlers,
} satisfies Handlers
