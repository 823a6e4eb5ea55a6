import { ofetch } from 'ofetch'
import { redactHeaders } from './redact.js'
import { backoffMs, retryAfterMs, retryDefaults, shouldRetry } from './retry.js'
import { linkSignals, sleep } from './signals.js'
import type {
  AuthContext,
  AuthStrategy,
  CallOptions,
  Failure,
  Hooks,
  RequestInfo,
  RequestSpec,
  RetryOptions,
  TimeoutOptions,
} from './types.js'

/** Options of a transport; every field but `baseUrl` is optional. */
export interface TransportOptions {
  /** server root or a prefix such as `https://host/api`; a trailing slash is tolerated */
  baseUrl: string
  auth?: AuthStrategy
  /** urllib3-style retry rules, or `false` for none */
  retry?: RetryOptions | false
  timeout?: TimeoutOptions
  /** headers sent on every request */
  headers?: Record<string, string>
  /** a fetch to use instead of the global one */
  fetch?: typeof fetch
  hooks?: Hooks
  /** turns a failure into the error thrown; the service layer gives its own classes */
  toError?: (failure: Failure) => Error
}

/** A prepared request that was not sent (dry mode): credentials redacted. */
export interface DryRunRequest extends RequestInfo {
  readonly dryRun: true
}

/** Response `{ status, data }` of a sent request. */
export interface TransportResponse<T> {
  status: number
  data: T
  headers: Headers
}

const TIMEOUT = Symbol('timeout')
const joinUrl = (base: string, path: string) => base.replace(/\/+$/, '') + path

/** Thrown out of the JSON parser so that the excerpt of a body that is not JSON survives. */
class NotJson extends Error {
  constructor(readonly excerpt: string) {
    super('not JSON')
  }
}
const parseJson = (text: string): unknown => {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new NotJson(text.slice(0, 200))
  }
}

const defaultError = (f: Failure) =>
  Object.assign(new Error(`${f.request.method} ${f.request.url}: ${f.status ?? f.kind}`), f)

/**
 * An HTTP transport on ofetch that knows nothing of the service it talks to: auth, urllib3-style
 * retries, connection and request timeouts, error classification and hooks.
 * @example
 * ```ts
 * const t = new Transport({ baseUrl: 'http://127.0.0.1:8000', retry: { total: 2 } })
 * const { data } = await t.send({ method: 'GET', path: '/monitoring/ping' })
 * ```
 */
export class Transport {
  readonly options: TransportOptions
  readonly #retry: Required<RetryOptions>
  readonly #fetch: ReturnType<typeof ofetch.create>

  constructor(options: TransportOptions) {
    this.options = options
    this.#retry = { ...retryDefaults, ...(options.retry === false ? { total: 0 } : options.retry) }
    // ofetch hands its options to fetch as `init`: `seen` tells the attempt that headers arrived.
    const base = (input: RequestInfo | URL, init?: RequestInit & { seen?: (r: Response) => void }) =>
      (options.fetch ?? globalThis.fetch)(input, init).then((res) => {
        init?.seen?.(res)
        return res
      })
    this.#fetch = ofetch.create({ retry: 0, ignoreResponseError: true, parseResponse: parseJson }, { fetch: base })
  }

  /** The request `spec` would send, credentials redacted, without sending it. */
  async preview(spec: RequestSpec, call: CallOptions = {}): Promise<DryRunRequest> {
    const headers = { ...this.#headers(spec, call) }
    if (spec.auth !== false && this.options.auth) headers.authorization = 'Bearer [REDACTED]'
    return { dryRun: true, ...this.#info(spec, redactHeaders(headers)) }
  }

  /** Sends `spec`, retrying and re-authenticating by the rules; resolves with the parsed 2xx answer. */
  async send<T>(spec: RequestSpec, call: CallOptions = {}): Promise<TransportResponse<T>> {
    const { auth, hooks = {} } = this.options
    const ctx: AuthContext = { send: (s, o) => this.send(s, o).then((r) => r.data as never), signal: call.signal }
    let retries = 0
    let reauthorized = false
    for (;;) {
      const headers = this.#headers(spec, call)
      if (spec.auth !== false && auth) {
        try {
          const value = await auth.header(ctx)
          if (value) headers.authorization = value
        } catch (e) {
          await this.options.hooks?.onError?.({ request: this.#info(spec, redactHeaders(headers)), error: e as Error })
          throw e
        }
      }
      const info = this.#info(spec, redactHeaders(headers))
      await hooks.onRequest?.({ request: info, attempt: retries + 1 })
      const started = Date.now()
      const result = await this.#attempt(spec, headers, info, call.signal)
      if ('data' in result) {
        await hooks.onResponse?.({
          request: info,
          status: result.status,
          headers: result.headers,
          requestId: result.headers.get('x-request-id') ?? undefined,
          durationMs: Date.now() - started,
        })
        if (result.status < 400) return result as TransportResponse<T>
      }
      const failure: Failure = 'data' in result ? this.#statusFailure(info, result) : result
      if (failure.status === 401 && spec.auth !== false && auth?.refresh && !reauthorized) {
        reauthorized = true
        if (await auth.refresh(ctx, headers.authorization)) continue
      }
      const retryAfter = retryAfterMs(result.headers?.get('retry-after'))
      if (retries < this.#retry.total && shouldRetry(spec.method, { ...failure, retryAfter }, this.#retry)) {
        retries++
        const delayMs = retryAfter ?? backoffMs(retries, this.#retry)
        await hooks.onRetry?.({ request: info, attempt: retries + 1, delayMs, reason: String(failure.status ?? failure.kind) })
        try {
          await sleep(delayMs, call.signal)
        } catch (cause) {
          throw await this.#fail({ kind: 'abort', request: failure.request, cause }, info)
        }
        continue
      }
      throw await this.#fail(failure, info)
    }
  }

  #headers(spec: RequestSpec, call: CallOptions): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...call.headers }
    if (spec.form) headers['content-type'] = 'application/x-www-form-urlencoded'
    return headers
  }

  #info(spec: RequestSpec, headers: Record<string, string>): RequestInfo {
    const url = new URL(joinUrl(this.options.baseUrl, spec.path))
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.append(k, String(v))
    const body = spec.form ? redactForm(spec.form) : spec.body
    return body === undefined ? { method: spec.method, url: url.href, headers } : { method: spec.method, url: url.href, headers, body }
  }

  #statusFailure(info: RequestInfo, r: TransportResponse<unknown>): Failure {
    return {
      kind: 'status',
      request: { method: info.method, url: info.url },
      status: r.status,
      requestId: r.headers.get('x-request-id') ?? undefined,
      body: r.data,
      headers: r.headers,
    }
  }

  async #fail(failure: Failure, info: RequestInfo): Promise<Error> {
    const error = (this.options.toError ?? defaultError)(failure)
    await this.options.hooks?.onError?.({ request: info, error })
    return error
  }

  /** One attempt under both timeouts; resolves with the answer or with the failure, never rejects. */
  async #attempt(
    spec: RequestSpec,
    headers: Record<string, string>,
    info: RequestInfo,
    signal: AbortSignal | undefined,
  ): Promise<TransportResponse<unknown> | Failure> {
    const { connectionTimeout = 3, requestTimeout = 5 } = this.options.timeout ?? {}
    const controller = linkSignals(signal)
    const timers = [
      setTimeout(() => controller.abort(TIMEOUT), connectionTimeout * 1000),
      setTimeout(() => controller.abort(TIMEOUT), requestTimeout * 1000),
    ]
    let response: Response | undefined
    // Headers have arrived once fetch resolves: from then on only the request timeout applies.
    const seen = (res: Response) => {
      clearTimeout(timers[0])
      response = res
    }
    const request = { method: info.method, url: info.url }
    try {
      const res = await this.#fetch.raw(info.url, {
        method: spec.method,
        headers,
        body: spec.form ? new URLSearchParams(spec.form).toString() : (spec.body as BodyInit | undefined),
        signal: controller.signal,
        seen,
      } as Parameters<typeof ofetch.raw>[1])
      return { status: res.status, data: res._data, headers: res.headers }
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause ?? e
      if (controller.signal.aborted) {
        const timedOut = controller.signal.reason === TIMEOUT && !signal?.aborted
        return { kind: timedOut ? 'timeout' : 'abort', request, cause: timedOut ? undefined : signal?.reason }
      }
      if (e instanceof NotJson && response) {
        // A body that is not JSON (a proxy's HTML page, truncated JSON) keeps its status for retry rules.
        const status = response.status
        const requestId = response.headers.get('x-request-id') ?? undefined
        return { kind: status < 400 ? 'unexpected' : 'status', request, status, requestId, excerpt: e.excerpt, headers: response.headers }
      }
      return { kind: 'network', request, cause }
    } finally {
      for (const t of timers) clearTimeout(t)
    }
  }
}

/** Form bodies carry passwords: only their field names are shown. */
const redactForm = (form: Record<string, string>) =>
  Object.fromEntries(Object.keys(form).map((k) => [k, k === 'password' || k.endsWith('secret') ? '[REDACTED]' : form[k]]))
