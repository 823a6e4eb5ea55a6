import { lazyModule } from '../lazy-module.js'

/** What only a failed attempt needs (retry rules, redaction of credential answers), fetched when a transport is made. */
export const failures = lazyModule(() => import('./failure.js'))
