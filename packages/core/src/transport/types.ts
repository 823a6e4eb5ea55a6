/** What a request is, before it is sent: method, path under the base URL, query, body. */
export interface RequestSpec {
  method: string
  /** path under the base URL, e.g. `/v1/hwm/5` */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  /** JSON body */
  body?: unknown
  /** form body, sent as `application/x-www-form-urlencoded` */
  form?: Record<string, string>
  /** send the auth header (default true) */
  auth?: boolean
  /**
   * The answer carries credentials (a token endpoint): whatever it answers is redacted from
   * errors and hooks, whole or cut short.
   */
  credentials?: boolean
  /** statuses the caller turns into success (`ifExists`' 404): not reported to `onError` */
  expected?: number[]
}

/** Per-call options: every client method takes them as its last argument. */
export interface CallOptions {
  /** aborts the call (raises `AbortError`) */
  signal?: AbortSignal
  /** headers for this call only */
  headers?: Record<string, string>
}

/**
 * Retry rules of urllib3's `Retry`, which Horizon's Python client uses.
 * @example `{ total: 3, backoffFactor: 0.1, statusForcelist: [502, 503, 504], backoffJitter: 0 }`
 */
export interface RetryOptions {
  /** retries after the first attempt (default 3; 0 disables) */
  total?: number
  /** seconds; the n-th consecutive retry waits `backoffFactor * 2^(n-1)`, the first none (default 0.1) */
  backoffFactor?: number
  /** statuses retried for idempotent methods (default 502, 503, 504) */
  statusForcelist?: number[]
  /** seconds of random jitter added to a backoff (default 0) */
  backoffJitter?: number
  /** seconds a backoff is capped at (default 120) */
  backoffMax?: number
  /**
   * seconds of `Retry-After` the client is willing to wait (default 120): a longer one fails at
   * once with the error, which carries `retryAfter`, instead of stalling the call
   */
  maxRetryAfter?: number
  /**
   * Overrides the rules' verdict for one failed attempt: `true` retries, `false` gives up,
   * `undefined` keeps the rules' answer (`ctx.retry`). `total` still bounds the retries. Saying
   * `true` for a POST or PATCH that may have reached the server can apply it twice: that is yours.
   * @example `retry: { shouldRetry: ({ failure }) => (failure.status === 500 ? true : undefined) }`
   */
  shouldRetry?: (ctx: RetryContext) => boolean | undefined
  /**
   * The milliseconds to wait before a retry, given the rules' choice (`ctx.delayMs`: the server's
   * `Retry-After` / `RateLimit-Reset`, else urllib3's backoff).
   * @example `retry: { delay: ({ delayMs }) => Math.min(delayMs, 1000) }`
   */
  delay?: (ctx: RetryContext & { delayMs: number }) => number
}

/** What the retry policy knows about a failed attempt, handed to `retry.shouldRetry` and `retry.delay`. */
export interface RetryContext {
  /** the request's method */
  method: string
  /** the retry this would be: 1 for the first */
  attempt: number
  /** why the attempt failed (`kind`, `status`, the parsed body …) */
  failure: Pick<Failure, 'kind' | 'status' | 'body'>
  /** the answer's headers, when one came */
  headers?: Headers
  /** the wait the server asked for (`Retry-After`, else `RateLimit-Reset`), in milliseconds */
  serverWaitMs?: number
  /** the rules' verdict, before `shouldRetry` */
  retry: boolean
}

/** Timeouts in seconds, as in the Python client. */
export interface TimeoutOptions {
  /** bound on the wait for response headers (default 3) */
  connectionTimeout?: number
  /** bound on a whole attempt, body included (default 5) */
  requestTimeout?: number
}

/** A request as hooks, errors and dry runs show it: the token is redacted. */
export interface RequestInfo {
  method: string
  url: string
  headers: Record<string, string>
  body?: unknown
}

/** Why a call failed, handed to the error factory that turns it into a typed error. */
export interface Failure {
  kind: 'status' | 'network' | 'timeout' | 'abort' | 'unexpected'
  request: { method: string; url: string }
  status?: number
  requestId?: string
  /** parsed body (status failures) */
  body?: unknown
  /** the start of a body that could not be parsed */
  excerpt?: string
  /** response headers, where a response came */
  headers?: Headers
  /** seconds the server asked to wait (`Retry-After`) */
  retryAfter?: number
  cause?: unknown
}

/**
 * Hooks for logging and tracing; errors thrown by a hook propagate. Each may return a promise,
 * which the call awaits.
 * @example
 * ```ts
 * const hooks: Hooks = {
 *   onResponse: ({ request, status, durationMs }) => console.log(request.method, request.url, status, durationMs),
 *   onError: ({ error }) => console.error(error instanceof HorizonError ? error.requestId : error),
 * }
 * ```
 */
export interface Hooks {
  /** before every attempt (`attempt` counts from 1), credentials redacted; none by default */
  onRequest?: (event: { request: RequestInfo; attempt: number }) => void | Promise<void>
  /** on every answer that came, success or not, with its status and the attempt's duration; none by default */
  onResponse?: (event: {
    request: RequestInfo
    status: number
    headers: Headers
    requestId?: string
    durationMs: number
  }) => void | Promise<void>
  /** before the wait of a retry: the next attempt's number, the delay and why (a status or `network`/`timeout`); none by default */
  onRetry?: (event: { request: RequestInfo; attempt: number; delayMs: number; reason: string }) => void | Promise<void>
  /**
   * on a failed request, before the call rejects with the same error; none by default (a failed
   * login reports the login request, then the call). Through
   * `HorizonClient` the error is a `HorizonError` subclass for every failure of the request
   * itself: a status (`EntityNotFoundError`…), `NetworkError`, `TimeoutError`, `AbortError` (the
   * caller's signal), `UnexpectedResponseError`, and `EntityAlreadyExistsError` when
   * `ifNotExists` finds the namespace gone again. A failure of the auth strategy to give a header
   * arrives as the strategy threw it: `LoginPassword` gives the login's `HorizonError` (or a
   * `ResponseValidationError` for a token answer without a token), `AccessToken` an
   * `AuthorizationError`, but a `BearerToken` token function or your own strategy hands over
   * whatever it throws, as is. Not called for input refused before sending
   * (`RequestValidationError`), answers refused by `validateResponses` (`ResponseValidationError`),
   * dry runs, statuses turned into success (`ifExists`' 404, `ifNotExists`' 409), or errors thrown
   * by hooks. A bare `Transport` hands over what its `toError` builds (an `Error` by default).
   */
  onError?: (event: { request: RequestInfo; error: Error }) => void | Promise<void>
}

/** The parts of an auth strategy the transport calls. */
export interface AuthStrategy {
  /** who the credentials belong to, when the strategy knows (scopes caches per user) */
  readonly user?: string
  /**
   * The `Authorization` header value for the next request; may log in first. The transport calls
   * it before every request.
   * @example `const value = await strategy.header({ send: (spec) => transport.send(spec).then((r) => r.data as never) })`
   */
  header(ctx: AuthContext): string | undefined | Promise<string | undefined>
  /**
   * After a 401: get new credentials and say whether the request is worth one more try. The
   * transport calls it once per request; `rejected` is the header the server refused.
   * @example `if (await strategy.refresh?.(ctx, 'Bearer old')) retry()`
   */
  refresh?(ctx: AuthContext, rejected?: string): boolean | Promise<boolean>
  /**
   * Forgets the credentials (log out); `HorizonClient.logout()` calls it.
   * @example `strategy.reset?.()`
   */
  reset?(): void
}

/** What an auth strategy can use: a sender that adds no auth, and the caller's signal. */
export interface AuthContext {
  /** sends a request without auth (to log in) and resolves with its parsed answer */
  send: <T>(spec: RequestSpec, options?: CallOptions) => Promise<T>
  signal?: AbortSignal
}
