/** Every route: the operation table's, in the order Horizon's FastAPI app registers them, then the rest. */
import { type OperationName, operations } from '@horizon-ts/core'
import { handlers } from '../handlers/index.js'
import { operationRoute } from '../operation-route.js'
import type { Route } from '../router.js'
import { monitoringRoutes } from './monitoring.js'

/**
 * FastAPI's registration order, which is the table's own key order. It matters: the first match
 * wins (`GET /v1/hwm/copy` is `getHwm`'s, a 422), and a 405's `Allow` lists methods in this order.
 */
export const ROUTE_ORDER = Object.keys(operations) as OperationName[]

export const routes: readonly Route[] = [
  ...ROUTE_ORDER.map((name) => operationRoute(name, handlers)),
  // Metrics and stats are no operation of the table; they share no path with one, so where they
  // sit in the list changes no match.
  ...monitoringRoutes,
]
