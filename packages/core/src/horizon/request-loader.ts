import { lazyModule } from '../lazy-module.js'

/**
 * The request builder with everything that checks input before sending (the constraint table,
 * the JSON checks, the option checks) and what only a failed or unusual call needs: a chunk of
 * its own, weighing more than the rest of the client. A client starts fetching it when it is
 * made, so its first call rarely waits for it.
 */
export const requests = lazyModule(() => import('./request-chunk.js'))
