/** The chunk a failed attempt loads: the retry policy, the wait before a retry, the redaction of credential answers. */
import { retryDecision, retryDefaults } from './retry.js'
import { sleep } from './signals.js'
import type { Failure, Hooks, RequestInfo, RetryOptions } from './types.js'

export { redactAnswer } from './redact-answer.js'

/**
 * How long to wait before retrying `failure` (the `retries`-th retry so far), or undefined when it
 * is final; records the server's asked-for wait on the failure, as the error reports it.
 */
export function retryDelay(
  method: string,
  failure: Failure,
  headers: Headers | undefined,
  retries: number,
  retry: RetryOptions | false | undefined,
): number | undefined {
  const rules = { ...retryDefaults, ...(retry === false ? { total: 0 } : retry) }
  const decision = retryDecision(method, failure, headers, retries, rules)
  if (decision.waitMs !== undefined) failure.retryAfter = decision.waitMs / 1000
  return decision.retry ? decision.delayMs : undefined
}

/** Waits before retry number `retries`, after telling `onRetry`; answers `{ cause }` when the caller's signal ended the wait. */
export async function pause(
  hooks: Hooks | undefined,
  delayMs: number,
  retries: number,
  failure: Failure,
  info: () => RequestInfo,
  signal: AbortSignal | undefined,
): Promise<{ cause: unknown } | undefined> {
  const reason = String(failure.status ?? failure.kind)
  await hooks?.onRetry?.({ request: info(), attempt: retries + 1, delayMs, reason })
  return sleep(delayMs, signal).then(
    () => undefined,
    (cause: unknown) => ({ cause }),
  )
}
