/** Every route: the operation table's, in the order Horizon's FastAPI app registers them, then the rest. */
import type { OperationName } from '@horizon-ts/core'
import { handlers } from '../handlers/index.js'
import { operationRoute } from '../operation-route.js'
import type { Route } from '../router.js'
import { monitoringRoutes } from './monitoring.js'

/**
 * FastAPI's registration order, which the table's key order is not. It matters: the first match wins
 * (`GET /v1/hwm/copy` is `getHwm`'s, a 422), and a 405's `Allow` lists methods in this order.
 */
export const ROUTE_ORDER = [
  'ping',
  'login',
  'whoami',
  'paginateNamespaces',
  'getNamespace',
  'createNamespace',
  'updateNamespace',
  'deleteNamespace',
  'getNamespacePermissions',
  'updateNamespacePermissions',
  'paginateHwm',
  'getHwm',
  'createHwm',
  'updateHwm',
  'deleteHwm',
  'bulkDeleteHwm',
  'bulkCopyHwm',
  'paginateHwmHistory',
  'paginateNamespaceHistory',
] as const satisfies readonly OperationName[]

// An operation left out of the order does not compile (a repeated one fails server-handlers.test.ts).
type Unordered = Exclude<OperationName, (typeof ROUTE_ORDER)[number]>
const everyOperationOrdered: [Unordered] extends [never] ? true : Unordered = true

export const routes: readonly Route[] = everyOperationOrdered && [
  ...ROUTE_ORDER.map((name) => operationRoute(name, handlers)),
  // Metrics and stats are no operation of the table; they share no path with one, so where they
  // sit in the list changes no match.
  ...monitoringRoutes,
]
