/**
 * Fault injection: make the next matching requests fail the way real deployments fail (an error
 * status, a reset connection, no answer at all, broken JSON, a proxy's HTML page). A faulted request
 * never reaches its route, so it changes nothing.
 */

/** What the fault does. */
export type FaultKind = 'status' | 'reset' | 'hang' | 'malformed' | 'html'

/**
 * A fault to inject. Without `rate`, it fires on the next `times` matching requests (default 1); with
 * `rate` (0..1) it fires on that fraction of matching requests, spread evenly, until cleared (or `times`).
 * @example
 * ```ts
 * server.faults.add({ method: 'GET', path: '/v1/namespaces/', kind: 'status', status: 503, retryAfter: 2 })
 * server.faults.add({ path: /^\/v1\/hwm\//, kind: 'reset', rate: 0.5 })
 * ```
 */
export interface FaultSpec {
  /** HTTP method to match (any when absent). */
  method?: string
  /** Exact path (no query string), or a pattern tested against the path (any when absent). */
  path?: string | RegExp
  /**
   * Query parameters the request must carry with these values (others may be present), so a test
   * can fail one namespace's list page without hitting parallel tests' reads of the same path.
   */
  query?: Readonly<Record<string, string>>
  kind: FaultKind
  /** Status of `status` (default 503) and `html` (default 200) faults. */
  status?: number
  /** `Retry-After` header: seconds, or an HTTP date. */
  retryAfter?: number | string
  /** How many matching requests fail. Default 1, or unlimited with `rate`. */
  times?: number
  /** Fraction (0..1) of matching requests that fail. */
  rate?: number
}

/** A registered fault, with how often it matched and fired. */
export interface Fault extends FaultSpec {
  readonly id: number
  /** Matching requests seen (counted for `rate`). */
  seen: number
  /** Requests it failed. */
  hits: number
}

const KINDS: readonly FaultKind[] = ['status', 'reset', 'hang', 'malformed', 'html']

/**
 * The fault controller of a server (`server.faults`): arms failures that matching requests meet.
 * @example `server.faults.add({ method: 'GET', path: '/v1/hwm/', kind: 'reset' })`
 */
export class FaultController {
  #faults: Fault[] = []
  #nextId = 0

  /**
   * Registers a fault; returns its id. Throws `TypeError` on an invalid spec.
   * @example `const id = server.faults.add({ path: '/v1/hwm/', kind: 'status', status: 503, times: 2 })`
   */
  add(spec: FaultSpec): number {
    if (!KINDS.includes(spec.kind)) throw new TypeError(`Unknown fault kind '${String(spec.kind)}'`)
    if (spec.rate !== undefined && !(spec.rate >= 0 && spec.rate <= 1)) throw new TypeError('rate must be within 0..1')
    if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times >= 1))
      throw new TypeError('times must be a positive integer')
    if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 200 && spec.status <= 599))
      throw new TypeError('status must be an HTTP status code')
    if (spec.query !== undefined && !Object.values(spec.query).every((v) => typeof v === 'string'))
      throw new TypeError('query must map parameter names to string values')
    const fault: Fault = { ...spec, id: ++this.#nextId, seen: 0, hits: 0 }
    this.#faults.push(fault)
    return fault.id
  }

  /**
   * Removes one fault; false when it was not registered (or already spent).
   * @example `server.faults.remove(id) // true`
   */
  remove(id: number): boolean {
    const before = this.#faults.length
    this.#faults = this.#faults.filter((f) => f.id !== id)
    return this.#faults.length < before
  }

  /**
   * Removes every fault.
   * @example `afterEach(() => server.faults.clear())`
   */
  clear(): void {
    this.#faults = []
  }

  /**
   * The faults still armed, in the order they are tried.
   * @example `expect(server.faults.list()).toEqual([])`
   */
  list(): Fault[] {
    return this.#faults.map((f) => ({ ...f }))
  }

  /**
   * The fault to apply to this request, if any; counts it and drops spent faults. The server calls it.
   * `url` (the full request URL) is parsed only when a fault matches on query parameters.
   * @example `const fault = server.faults.take('GET', '/v1/hwm/', 'http://127.0.0.1/v1/hwm/?namespace_id=3')`
   */
  take(method: string, path: string, url?: string): Fault | undefined {
    let query: URLSearchParams | undefined
    for (const fault of this.#faults) {
      if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) continue
      if (typeof fault.path === 'string' && fault.path !== path) continue
      if (fault.path instanceof RegExp) {
        fault.path.lastIndex = 0
        if (!fault.path.test(path)) continue
      }
      if (fault.query) {
        query ??= new URL(url ?? path, 'http://localhost').searchParams
        const params = query
        if (!Object.entries(fault.query).every(([k, v]) => params.get(k) === v)) continue
      }
      fault.seen++
      // An even spread (0.5 → every other request) keeps tests deterministic, unlike a coin flip.
      if (fault.rate !== undefined && Math.floor(fault.seen * fault.rate) === Math.floor((fault.seen - 1) * fault.rate))
        continue
      fault.hits++
      const times = fault.times ?? (fault.rate === undefined ? 1 : Number.POSITIVE_INFINITY)
      if (fault.hits >= times) this.remove(fault.id)
      return { ...fault }
    }
    return undefined
  }
}
