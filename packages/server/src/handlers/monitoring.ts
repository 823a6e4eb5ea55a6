/** `GET /monitoring/ping`, the one monitoring route of the operation table (metrics and stats are in routes/). */
import type { Handlers } from '../handler-types.js'

export const monitoringHandlers = {
  ping: () => ({ status: 'ok' }),
} satisfies Partial<Handlers>
