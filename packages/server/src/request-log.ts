/** The request log: a ring of the newest entries, so a long-running or load-tested server stays small. */

/** One served request, for request-counting tests. `status` is 0 when no answer was sent (reset, hang, client gone). */
export interface RequestLogEntry {
  method: string
  path: string
  search: string
  status: number
}

/**
 * Keeps the newest `size` entries; pushing onto a full log drops the oldest. Counts by method and
 * status cover every request since the start, for `/monitoring/metrics` (a Prometheus counter).
 */
export class RequestLog {
  #ring: RequestLogEntry[] = []
  /** index of the oldest entry once the ring is full */
  #start = 0
  /** `method status` → requests since the start; `clear()` leaves it */
  readonly totals = new Map<string, { method: string; status: number; count: number }>()

  constructor(readonly size: number) {}

  push(entry: RequestLogEntry): void {
    const key = `${entry.method} ${entry.status}`
    const total = this.totals.get(key)
    if (total) total.count++
    else this.totals.set(key, { method: entry.method, status: entry.status, count: 1 })
    if (this.size === 0) return
    if (this.#ring.length < this.size) this.#ring.push(entry)
    else {
      this.#ring[this.#start] = entry
      this.#start = (this.#start + 1) % this.size
    }
  }

  /** A copy, oldest first. */
  entries(): RequestLogEntry[] {
    return [...this.#ring.slice(this.#start), ...this.#ring.slice(0, this.#start)]
  }

  clear(): void {
    this.#ring = []
    this.#start = 0
  }
}
