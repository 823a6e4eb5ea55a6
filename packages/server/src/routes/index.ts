/** Every route, in the order Horizon's FastAPI app registers them (the first match wins). */
import type { Route } from '../router.js'
import { authRoutes } from './auth.js'
import { historyRoutes } from './history.js'
import { hwmRoutes } from './hwm.js'
import { bulkRoutes } from './hwm-bulk.js'
import { monitoringRoutes } from './monitoring.js'
import { namespaceRoutes } from './namespaces.js'
import { permissionRoutes } from './permissions.js'
import { userRoutes } from './users.js'

export const routes: readonly Route[] = [
  ...monitoringRoutes,
  ...authRoutes,
  ...userRoutes,
  ...namespaceRoutes,
  ...permissionRoutes,
  ...hwmRoutes,
  ...bulkRoutes,
  ...historyRoutes,
]
