import type { Failure, RetryContext, RetryOptions } from './types.js'

const IDEMPOTENT = /^(GET|PUT|DELETE|HEAD|OPTIONS|TRACE)$/
/** urllib3 honours `Retry-After` on these statuses (and so do we for `RateLimit-Reset`). */
const RETRY_AFTER_STATUSES = [413, 429, 503]

/** The rules with their defaults; the two callbacks stay optional. */
export type RetryRules = Required<Omit<RetryOptions, 'shouldRetry' | 'delay'>> &
  Pick<RetryOptions, 'shouldRetry' | 'delay'>

export const retryDefaults: RetryRules = {
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
 * Parses `RateLimit-Reset` into milliseconds: delta seconds (the IETF draft), or a Unix time in
 * seconds when it is that large (as `X-RateLimit-Reset` of many APIs is written).
 */
export function rateLimitResetMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined
  const seconds = Number(value)
  return seconds > 1e9 ? Math.max(0, seconds * 1000 - now) : seconds * 1000
}

/** The wait the server asked for: `Retry-After`, else `RateLimit-Reset`, in milliseconds. */
export function serverWaitMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined
  return retryAfterMs(headers.get('retry-after'), now) ?? rateLimitResetMs(headers.get('ratelimit-reset'), now)
}

/**
 * Whether a failed attempt may be sent again. Idempotent methods retry on connection errors,
 * timeouts and `statusForcelist`; any method retries when the server answered 429 or 503 with a
 * wait (`Retry-After` or `RateLimit-Reset`: it says it did not process the request), so a POST is
 * never applied twice.
 */
export function shouldRetry(
  method: string,
  failure: { kind: string; status?: number; retryAfter?: number },
  rules: RetryRules,
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
export function backoffMs(retryNumber: number, rules: RetryRules, random = Math.random): number {
  if (retryNumber <= 1) return 0
  const seconds = rules.backoffFactor * 2 ** (retryNumber - 1) + random() * rules.backoffJitter
  return Math.max(0, Math.min(rules.backoffMax, seconds)) * 1000
}

/** What to do after a failed attempt: retry after `delayMs`, or not; `waitMs` is the server's ask. */
export interface RetryDecision {
  retry: boolean
  delayMs: number
  waitMs?: number
}

/**
 * The one retry policy: the server's wait from the answer's headers, the rules, then the caller's
 * `shouldRetry` and `delay`. `retries` is how many retries were already made; `total` bounds them all.
 */
export function retryDecision(
  method: string,
  failure: Pick<Failure, 'kind' | 'status' | 'body'>,
  headers: Headers | undefined,
  retries: number,
  rules: RetryRules,
): RetryDecision {
  const waitMs = serverWaitMs(headers)
  if (retries >= rules.total) return { retry: false, delayMs: 0, waitMs }
  const attempt = retries + 1
  const ctx: RetryContext = {
    method,
    attempt,
    failure,
    retry: shouldRetry(method, { ...failure, retryAfter: waitMs }, rules),
    ...(headers ? { headers } : {}),
    ...(waitMs === undefined ? {} : { serverWaitMs: waitMs }),
  }
  const retry = rules.shouldRetry?.(ctx) ?? ctx.retry
  if (!retry) return { retry, delayMs: 0, waitMs }
  const delayMs = waitMs ?? backoffMs(attempt, rules)
  return { retry, delayMs: rules.delay ? Math.max(0, rules.delay({ ...ctx, delayMs })) : delayMs, waitMs }
}
