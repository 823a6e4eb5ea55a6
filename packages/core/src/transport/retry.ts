import type { RetryOptions } from './types.js'

const IDEMPOTENT = /^(GET|PUT|DELETE|HEAD|OPTIONS|TRACE)$/
/** urllib3 honours `Retry-After` on these statuses. */
const RETRY_AFTER_STATUSES = [413, 429, 503]

export const retryDefaults: Required<RetryOptions> = {
  total: 3,
  backoffFactor: 0.1,
  statusForcelist: [502, 503, 504],
  backoffJitter: 0,
  backoffMax: 120,
  maxRetryAfter: 120,
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds; undefined when absent or invalid. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * Whether a failed attempt may be sent again. Idempotent methods retry on connection errors,
 * timeouts and `statusForcelist`; any method retries when the server answered 429 or 503 with
 * `Retry-After` (it says it did not process the request), so a POST is never applied twice.
 */
export function shouldRetry(
  method: string,
  failure: { kind: string; status?: number; retryAfter?: number },
  rules: Required<RetryOptions>,
): boolean {
  const idempotent = IDEMPOTENT.test(method)
  if (failure.kind === 'network' || failure.kind === 'timeout') return idempotent
  if (failure.kind !== 'status' || failure.status === undefined) return false
  // A wait longer than the caller accepts is no retry: the error carries it instead.
  if (failure.retryAfter !== undefined && failure.retryAfter > rules.maxRetryAfter * 1000) return false
  const hasRetryAfter = failure.retryAfter !== undefined && RETRY_AFTER_STATUSES.includes(failure.status)
  if (!idempotent) return hasRetryAfter && (failure.status === 429 || failure.status === 503)
  return rules.statusForcelist.includes(failure.status) || hasRetryAfter
}

/** urllib3's backoff: none before the first retry, then `factor * 2^(n-1)` plus jitter, capped. */
export function backoffMs(retryNumber: number, rules: Required<RetryOptions>, random = Math.random): number {
  if (retryNumber <= 1) return 0
  const seconds = rules.backoffFactor * 2 ** (retryNumber - 1) + random() * rules.backoffJitter
  return Math.max(0, Math.min(rules.backoffMax, seconds)) * 1000
}
