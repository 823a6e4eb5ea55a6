import { createFetch, type ofetch } from 'ofetch'
import { withBase, withQuery } from 'ufo'
import { exactJson } from '../json/lazy.js'
import type { JsonCodec } from '../json/types.js'
import { Deadlines, TIMEOUT, type Watch } from './deadlines.js'
import { failures } from './failure-loader.js'
import { REDACTED, redactHeaders } from './redact.js'
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
  /** gives each request its `Authorization` header (default none: anonymous calls) */
  auth?: AuthStrategy
  /** urllib3-style retry rules, or `false` for none */
  retry?: RetryOptions | false
  /**
   * connection and request timeouts in seconds (default 3 and 5); `false` for none, which spares
   * each request an AbortController of its own (your `signal` then goes to fetch as it is)
   */
  timeout?: TimeoutOptions | false
  /** headers sent on every request */
  headers?: Record<string, string>
  /** a fetch to use instead of the global one */
  fetch?: typeof fetch
  /** logging and tracing callbacks (default none) */
  hooks?: Hooks
  /**
   * How answers are read and bodies written. The default keeps every digit: integers beyond
   * 2^53 are `bigint`. `{ parse: JSON.parse, stringify: JSON.stringify }` gives plain numbers.
   */
  json?: JsonCodec
  /** turns a failure into the error thrown; the service layer gives its own classes (which it may load first) */
  toError?: (failure: Failure) => Error | Promise<Error>
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

/** Thrown out of the JSON parser so that the excerpt of a body that is not JSON survives. */
class NotJson extends Error {
  constructor(readonly excerpt: string) {
    super('not JSON')
  }
}
/** ofetch hands the body over as text: the codec (which may load a module) parses it after. */
const asText = (text: string) => text

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
  /** the options it was built with; `auth` may be replaced later (as `HorizonClient.setAuth` does) */
  readonly options: TransportOptions
  readonly #fetch: ReturnType<typeof createFetch>
  readonly #deadlines: Deadlines

  constructor(options: TransportOptions) {
    this.options = options
    const { connectionTimeout = 3, requestTimeout = 5 } =
      options.timeout === false ? { connectionTimeout: Infinity, requestTimeout: Infinity } : (options.timeout ?? {})
    const deadlines = new Deadlines(connectionTimeout * 1000, requestTimeout * 1000)
    this.#deadlines = deadlines
    // Fetched now, so that a first failure finds it there.
    failures.load().catch(() => {})
    // ofetch hands its options to fetch as `init`: `watch` learns that the headers arrived.
    const base = ((input: string, init: RequestInit & { watch: Watch }) =>
      (options.fetch ?? globalThis.fetch)(input, init).then((res) => {
        deadlines.arrived(init.watch, res)
        return res
      })) as typeof fetch
    // No defaults: V8 merges ofetch's defaults into each call's options on a slow path (measured:
    // a few µs per call), so the fixed options travel with every call instead.
    this.#fetch = createFetch({ fetch: base })
  }

  /**
   * The request `spec` would send, credentials redacted, without sending it.
   * @example `const { url, headers } = await t.preview({ method: 'GET', path: '/v1/hwm/5' })`
   */
  async preview(spec: RequestSpec, call: CallOptions = {}): Promise<DryRunRequest> {
    const headers = this.#headers(spec, call)
    if (spec.auth !== false && this.options.auth) headers.authorization = 'Bearer [REDACTED]'
    return { dryRun: true, ...this.#info(spec, this.#url(spec), headers) }
  }

  /**
   * Sends `spec`, retrying and re-authenticating by the rules; resolves with the parsed 2xx answer
   * and rejects with what `toError` builds.
   * @example `const { data } = await t.send<{ status: string }>({ method: 'GET', path: '/monitoring/ping', auth: false })`
   */
  async send<T>(spec: RequestSpec, call: CallOptions = {}): Promise<TransportResponse<T>> {
    const { auth, hooks = {} } = this.options
    // What an auth strategy may use: a sender without auth (to log in) and the caller's signal.
    const ctx: AuthContext | undefined = auth && {
      send: (s, o) => this.send(s, o).then((r) => r.data as never),
      signal: call.signal,
    }
    const url = this.#url(spec)
    const codec = this.options.json ?? exactJson
    // Written once for every attempt: a retry sends the very same bytes.
    const body = spec.form
      ? new URLSearchParams(spec.form).toString()
      : spec.body === undefined
        ? undefined
        : await codec.stringify(spec.body)
    let retries = 0
    let reauthorized = false
    for (;;) {
      const headers = this.#headers(spec, call)
      if (body !== undefined && !spec.form) headers['content-type'] = 'application/json'
      // What hooks and errors see: built only when someone looks, credentials redacted.
      const info = () => this.#info(spec, url, headers)
      // Awaited only when there is something to wait for: an `await` of nothing still costs every
      // call a turn of the queue.
      const authorizing =
        spec.auth !== false &&
        auth &&
        ctx &&
        this.#authorize(auth, ctx, headers, call, { method: spec.method, url }, info)
      if (authorizing) await authorizing
      if (hooks.onRequest) await hooks.onRequest({ request: info(), attempt: retries + 1 })
      const started = hooks.onResponse && Date.now()
      const result = await this.#attempt(spec, url, headers, body, codec, call.signal)
      if ('data' in result) {
        if (hooks.onResponse)
          await hooks.onResponse({
            get request() {
              return info()
            },
            status: result.status,
            headers: result.headers,
            requestId: result.headers.get('x-request-id') ?? undefined,
            durationMs: Date.now() - (started || 0),
          })
        if (result.status < 400) return result as TransportResponse<T>
      }
      const failure: Failure = 'data' in result ? statusFailure(spec.method, url, result) : result
      if (failure.status === 401 && spec.auth !== false && auth?.refresh && ctx && !reauthorized) {
        reauthorized = true
        if (await auth.refresh(ctx, headers.authorization)) continue
      }
      const policy = await failurePolicy()
      const delayMs = policy?.retryDelay(spec.method, failure, result.headers, retries, this.options.retry)
      if (delayMs === undefined) throw await this.#fail(failure, info, spec)
      retries++
      const aborted = await policy!.pause(this.options.hooks, delayMs, retries, failure, info, call.signal)
      if (aborted) throw await this.#fail({ kind: 'abort', request: failure.request, ...aborted }, info)
    }
  }

  /** Sets the `Authorization` header; a promise only when the strategy must wait (for a login). */
  #authorize(
    auth: AuthStrategy,
    ctx: AuthContext,
    headers: Record<string, string>,
    call: CallOptions,
    request: Failure['request'],
    info: () => RequestInfo,
  ): Promise<void> | undefined {
    const set = (value: string | undefined) => {
      if (value) headers.authorization = value
    }
    const failed = async (e: unknown): Promise<never> => {
      // A caller that aborts while waiting for a (shared) login gets an abort of its own call.
      if (call.signal?.aborted) throw await this.#fail({ kind: 'abort', request, cause: e }, info)
      await this.options.hooks?.onError?.({ request: info(), error: e as Error })
      throw e
    }
    let value: ReturnType<AuthStrategy['header']>
    try {
      value = auth.header(ctx)
    } catch (e) {
      return failed(e)
    }
    if (typeof value === 'object') return value.then(set, failed)
    set(value)
    return undefined
  }

  #headers(spec: RequestSpec, call: CallOptions): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...call.headers }
    if (spec.form) headers['content-type'] = 'application/x-www-form-urlencoded'
    return headers
  }

  /**
   * With ufo's `withBase` and `withQuery`, as ofetch's own `baseURL` and `query` do: the bundle
   * carries them anyway. (`withQuery` re-parses the URL: a few µs more than URLSearchParams on a
   * paginated call, against a round trip of hundreds; `pnpm bench` measures both.)
   */
  #url(spec: RequestSpec): string {
    const url = withBase(spec.path, this.options.baseUrl)
    return spec.query ? withQuery(url, spec.query) : url
  }

  #info(spec: RequestSpec, url: string, headers: Record<string, string>): RequestInfo {
    const body = spec.form ? redactForm(spec.form) : spec.body
    const info: RequestInfo = { method: spec.method, url, headers: redactHeaders(headers) }
    return body === undefined ? info : { ...info, body }
  }

  async #fail(failure: Failure, info: () => RequestInfo, spec?: RequestSpec): Promise<Error> {
    if (spec?.credentials) {
      // An answer that issues credentials, whole or cut, must not reach an error or a hook.
      const policy = await failurePolicy()
      failure = { ...failure, body: policy ? policy.redactAnswer(failure.status, failure.body) : REDACTED }
      if (failure.excerpt !== undefined) failure.excerpt = REDACTED
    }
    const error = await (this.options.toError ?? defaultError)(failure)
    // A status the caller turns into success is no failure to report; it reports the rest itself.
    if (!(failure.status !== undefined && spec?.expected?.includes(failure.status)))
      await this.options.hooks?.onError?.({ request: info(), error })
    return error
  }

  /** One attempt under both timeouts; resolves with the answer or with the failure, never rejects. */
  async #attempt(
    spec: RequestSpec,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    codec: JsonCodec,
    signal: AbortSignal | undefined,
  ): Promise<TransportResponse<unknown> | Failure> {
    const watch = this.#deadlines.watch(signal)
    const request = { method: spec.method, url }
    try {
      const sent = this.#fetch.raw(url, {
        method: spec.method,
        headers,
        body,
        signal: watch.signal,
        watch,
        retry: 0,
        ignoreResponseError: true,
        parseResponse: asText,
      } as Parameters<typeof ofetch.raw>[1])
      const res = await watch.race(sent)
      const text = res._data as string | undefined
      let data: unknown
      if (text)
        try {
          data = await codec.parse(text)
        } catch {
          throw new NotJson(text.slice(0, 200))
        }
      return { status: res.status, data, headers: res.headers }
    } catch (e) {
      if (e === TIMEOUT) return { kind: 'timeout', request }
      if (signal?.aborted) return { kind: 'abort', request, cause: signal.reason }
      const response = watch.response
      if (e instanceof NotJson && response) {
        // A body that is not JSON (a proxy's HTML page, truncated JSON) keeps its status for retry rules.
        const { status, headers: h } = response
        const requestId = h.get('x-request-id') ?? undefined
        return {
          kind: status < 400 ? 'unexpected' : 'status',
          request,
          status,
          requestId,
          excerpt: e.excerpt,
          headers: h,
        }
      }
      return { kind: 'network', request, cause: (e as { cause?: unknown }).cause ?? e }
    } finally {
      this.#deadlines.done(watch)
    }
  }
}

/** The failure chunk, loaded with the transport; undefined if it cannot be (offline since): the failure is then final. */
const failurePolicy = () => failures.now() ?? failures.load().catch(() => undefined)

const statusFailure = (method: string, url: string, r: TransportResponse<unknown>): Failure => ({
  kind: 'status',
  request: { method, url },
  status: r.status,
  requestId: r.headers.get('x-request-id') ?? undefined,
  body: r.data,
  headers: r.headers,
})

/** Form bodies carry passwords: only their field names are shown. */
const redactForm = (form: Record<string, string>) =>
  Object.fromEntries(Object.keys(form).map((k) => [k, k === 'password' || k.endsWith('secret') ? REDACTED : form[k]]))
