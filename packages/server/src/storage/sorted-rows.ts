/**
 * Rows kept in an order (by name then id, or by id) as they change, so a page is a slice: no filter
 * and no sort per request. Inserting and removing move at most the rows after the slot (a memmove),
 * which stays in microseconds for the tens of thousands of rows a dev server holds.
 */

/** Rows ordered by `compare`; `compare` must be a total order (ties broken by id). */
export class SortedRows<R> {
  readonly #rows: R[] = []

  constructor(private readonly compare: (a: R, b: R) => number) {}

  /** The rows in order; read-only by convention, valid until the next change. */
  get rows(): readonly R[] {
    return this.#rows
  }

  get size(): number {
    return this.#rows.length
  }

  /** The first slot whose row does not sort before `row`. */
  #slot(row: R): number {
    const rows = this.#rows
    const last = rows.length - 1
    if (last < 0 || this.compare(rows[last]!, row) < 0) return rows.length // appends are the common case
    let lo = 0
    let hi = last
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.compare(rows[mid]!, row) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  insert(row: R): void {
    const at = this.#slot(row)
    if (at === this.#rows.length) this.#rows.push(row)
    else this.#rows.splice(at, 0, row)
  }

  /** Removes the row that sorts equal to `row` (the same name and id), if there is one. */
  remove(row: R): void {
    const at = this.#slot(row)
    if (at < this.#rows.length && this.compare(this.#rows[at]!, row) === 0) this.#rows.splice(at, 1)
  }

  /** Puts `next` where `previous` was: in place when they sort the same, else moved. */
  replace(previous: R, next: R): void {
    const at = this.#slot(previous)
    if (this.compare(previous, next) === 0 && at < this.#rows.length && this.compare(this.#rows[at]!, previous) === 0)
      this.#rows[at] = next
    else {
      this.remove(previous)
      this.insert(next)
    }
  }
}
