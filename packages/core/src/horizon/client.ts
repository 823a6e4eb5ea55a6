export type {
  CreateOptions,
  DeleteOptions,
  HorizonClientOptions,
  HorizonHooks,
  ResponseChecker,
} from './client-options.js'

import { failures } from '../transport/failure-loader.js'
import { mergeHooks } from '../transport/merge-hooks.js'
import { type DryRunRequest, Transport } from '../transport/transport.js'
import type { AuthStrategy, CallOptions, Failure } from '../transport/types.js'
import type { CreateOptions, DeleteOptions, HorizonClientOptions } from './client-options.js'
import { HorizonError, requestValidationError } from './errors.js'
import type { OperationArgs, OperationName, OperationResult, Operations } from './operations.js'
import { operations } from './operations.js'
import type { IterateOptions } from './pagination.js'
import { requests } from './request-loader.js'
import type {
  HWMHistoryPaginateQueryV1,
  HWMHistoryResponseV1,
  HWMPaginateQueryV1,
  HWMResponseV1,
  NamespaceHistoryPaginateQueryV1,
  NamespaceHistoryResponseV1,
  NamespacePaginateQueryV1,
  NamespaceResponseV1,
} from './types.js'

type OptionsOf<K extends OperationName> = K extends 'createNamespace'
  ? CreateOptions
  : K extends 'deleteHwm' | 'deleteNamespace'
    ? DeleteOptions
    : CallOptions

/**
 * One method per operation, with the row's arguments and a last optional options argument.
 * Mapped over `keyof Operations` (homomorphic), so each method shows its row's TSDoc on hover.
 */
export type HorizonMethods = {
  [K in keyof Operations]: (...args: [...OperationArgs<K>, options?: OptionsOf<K>]) => Promise<OperationResult<K>>
}
/** The same methods in dry mode: they resolve to the request they would send. */
export type DryRunMethods = {
  [K in keyof Operations]: (...args: [...OperationArgs<K>, options?: CallOptions]) => Promise<DryRunRequest>
}

const names = Object.keys(operations) as OperationName[]

/** Horizon's error for a failure, built in the request chunk; a plain one if it cannot be loaded. */
const toError = (f: Failure): Promise<Error> =>
  requests
    .with(async (r) => r.toHorizonError(f))
    .catch(() => new HorizonError(`${f.request.method} ${f.request.url}: ${f.status ?? f.kind}`, f))

/**
 * The Horizon client: every v1 operation as a method, on a fetch transport that runs unchanged
 * in browsers and Node.
 * @example
 * ```ts
 * import { HorizonClient, LoginPassword } from '@horizon-ts/core'
 * const client = new HorizonClient({ baseUrl: 'http://127.0.0.1:8000', auth: new LoginPassword({ login: 'me', password: '12345' }) })
 * const ns = await client.createNamespace({ name: 'etl' })
 * const hwm = await client.createHwm({ namespace_id: ns.id, name: 'orders', type: 'column_int', value: 1 })
 * await client.updateHwm(hwm.id, { value: 2 })
 * const history = await client.paginateHwmHistory({ hwm_id: hwm.id })
 * ```
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the methods are generated from the operation table
export class HorizonClient {
  /** a copy of the options it was built with, shared with `transport` (`setAuth` replaces `auth`) */
  readonly options: HorizonClientOptions
  /** the fetch transport every call goes through */
  readonly transport: Transport
  #dry?: DryRunMethods
  readonly #authListeners = new Set<(auth: AuthStrategy | undefined) => void>()

  constructor(options: HorizonClientOptions) {
    if (typeof options?.baseUrl !== 'string')
      throw requestValidationError(
        [
          {
            location: ['options', 'baseUrl'],
            message: 'Input should be a URL string',
            code: 'options_type',
            context: {},
            input: options?.baseUrl,
          },
        ],
        'options of HorizonClient',
      )
    // One copy, shared with the transport: setAuth() changes what both read, and never the object
    // the caller passed in.
    const shared = { ...options, toError }
    this.options = shared
    this.transport = new Transport(shared)
    // Fetched now, so that the first call finds it there; a failed load is tried again by that call.
    requests.load().catch(() => {})
  }

  /**
   * The same operations, answering the request they would send instead of sending it: input is
   * checked, nothing is sent, the token is redacted.
   * @example `const { method, url, body } = await client.dry.updateHwm(5, { value: 2 })`
   */
  get dry(): DryRunMethods {
    // Built on first use: most clients (and every `with()` copy) never preview.
    if (!this.#dry) {
      const dry = {} as Record<string, (...args: unknown[]) => Promise<DryRunRequest>>
      for (const name of names)
        dry[name] = async (...all) => (requests.now() ?? (await requests.load())).dryCall(this, name, all)
      this.#dry = dry as DryRunMethods
    }
    return this.#dry
  }

  /**
   * Resolves once the parts the client loads on its own have arrived (the input checks and the
   * failure handling, fetched when it was made): await it before installing fake timers in a test,
   * or at start-up to fail early when they cannot be loaded. Calls never need it.
   * @example `await client.ready()`
   */
  async ready(): Promise<void> {
    await Promise.all([requests.load(), failures.load()])
  }

  /**
   * Logs in now (with `LoginPassword`), rather than on the first call: bad credentials fail here.
   * @example `await client.authorize({ signal: AbortSignal.timeout(5000) })`
   */
  async authorize(options?: CallOptions): Promise<void> {
    const { signal } =
      (requests.now() ?? (await requests.load())).checkCallOptions<CallOptions>(options, 'authorize') ?? {}
    await this.options.auth?.header({ send: (s, o) => this.transport.send(s, o).then((r) => r.data as never), signal })
  }

  /**
   * Replaces the auth strategy: another user, or `undefined` for anonymous calls. Copies made by
   * `with()` before keep theirs.
   * @example `client.setAuth(new LoginPassword({ login: 'bob', password: 'x' }))`
   */
  setAuth(auth: AuthStrategy | undefined): void {
    this.options.auth = auth
    for (const listener of [...this.#authListeners]) {
      // As an EventTarget does: a failing listener is reported, the others still run.
      try {
        listener(auth)
      } catch (error) {
        ;(globalThis.reportError ?? console.error)(error)
      }
    }
  }

  /**
   * Calls `listener` with the new strategy each time `setAuth` replaces it (a login as another
   * user, a logout), so a UI follows the user however it changed; answers the function that stops
   * it. `with()` copies keep their own auth and listeners.
   * @example
   * ```ts
   * const off = client.onAuthChange((auth) => console.log('now calling as', auth?.user ?? 'anonymous'))
   * off()
   * ```
   */
  onAuthChange(listener: (auth: AuthStrategy | undefined) => void): () => void {
    this.#authListeners.add(listener)
    return () => this.#authListeners.delete(listener)
  }

  /**
   * Forgets the login (in memory only; Horizon has no logout route): the next call logs in again.
   * @example `client.logout()`
   */
  logout(): void {
    this.options.auth?.reset?.()
  }

  /**
   * A copy with other options that shares this client's auth, hence its login. `headers` and
   * `hooks` merge with this client's (a header of the same name is replaced; hooks of the same
   * name both run, this client's first); every other option given replaces this client's whole
   * (`retry: { total: 1 }` is that rule set with the defaults, not a patch of this one's).
   * @example `const fast = client.with({ timeout: { requestTimeout: 1 } })`
   */
  with(overrides: Partial<HorizonClientOptions>): HorizonClient {
    const hooks = mergeHooks(this.options.hooks, overrides.hooks)
    return new HorizonClient({
      ...this.options,
      ...overrides,
      headers: { ...this.options.headers, ...overrides.headers },
      ...(hooks ? { hooks } : {}),
    })
  }

  /**
   * Calls operation `name` by its name: validates, sends, checks the answer. The named methods
   * call it; use it where the operation is a variable.
   * @example `const hwm = await client.call('getHwm', [5], { headers: { 'x-trace': '1' } })`
   */
  call<K extends OperationName>(
    name: K,
    args: OperationArgs<K>,
    options: CallOptions = {},
  ): Promise<OperationResult<K>> {
    // No `await` once the chunk has arrived: each one costs every call a turn of the queue.
    return requests.with((r) => r.callOperation(this, name, args, options))
  }
}

/** The iterators, one per paginate operation: made by the loop below, typed and documented here. */
interface Iterators {
  /** Every namespace, page after page. @example `for await (const ns of client.iterateNamespaces()) …` */
  iterateNamespaces(query?: NamespacePaginateQueryV1, options?: IterateOptions): AsyncGenerator<NamespaceResponseV1>
  /** Every HWM of a namespace. @example `for await (const hwm of client.iterateHwm({ namespace_id: 1 })) …` */
  iterateHwm(query: HWMPaginateQueryV1, options?: IterateOptions): AsyncGenerator<HWMResponseV1>
  /**
   * Every history row of an HWM, newest first, page after page.
   * @example `for await (const row of client.iterateHwmHistory({ hwm_id: 5 })) console.log(row.value)`
   */
  iterateHwmHistory(query: HWMHistoryPaginateQueryV1, options?: IterateOptions): AsyncGenerator<HWMHistoryResponseV1>
  /**
   * Every history row of a namespace, newest first, page after page.
   * @example `for await (const row of client.iterateNamespaceHistory({ namespace_id: 1 })) console.log(row.action)`
   */
  iterateNamespaceHistory(
    query: NamespaceHistoryPaginateQueryV1,
    options?: IterateOptions,
  ): AsyncGenerator<NamespaceHistoryResponseV1>
}

// The operations' methods come straight from their rows, and an iterator for each paginate one
// (`paginateHwm` → `iterateHwm`); bad arguments are refused on the first `next()`.
const proto = HorizonClient.prototype as unknown as Record<string, unknown>
for (const name of names) {
  if (name in proto) continue
  proto[name] = function (this: HorizonClient, ...all: unknown[]) {
    return requests.with((r) => r.callMethod(this, name, all))
  }
  if (name.startsWith('paginate'))
    proto[`iterate${name.slice(8)}`] = async function* (this: HorizonClient, query?: object, options?: IterateOptions) {
      yield* (requests.now() ?? (await requests.load())).iterate(this, name as never, query as never, options)
    }
}

export interface HorizonClient extends HorizonMethods, Iterators {}
