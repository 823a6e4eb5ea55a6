/**
 * The request chunk, loaded by `request-loader.ts`: the request builder and its input checks, and
 * what a call does beyond sending (the answer's checks, paging, dry runs, the login, the errors a
 * failure becomes).
 */
export { checkCallOptions, checkQuery } from './call-options.js'
export { callMethod, callOperation, dryCall, iterate } from './calls.js'
export { toHorizonError } from './error-of.js'
export { splitOptions, toSpec } from './request.js'
export { shareLogin } from './shared-login.js'
