/**
 * The server's "closing" notice: sleeping and hanging requests wait on it so `close()` can stop them
 * at once. A plain listener set rather than an AbortSignal, which Node warns about past ten listeners
 * (and silencing that takes `node:events`, which a browser page does not have).
 */
export class Closing {
  readonly #listeners = new Set<() => void>()
  #closed = false

  get closed(): boolean {
    return this.#closed
  }

  /** Calls `listener` once on close (in a microtask when already closed); returns the unsubscribe. */
  on(listener: () => void): () => void {
    if (this.#closed) {
      queueMicrotask(listener)
      return () => {}
    }
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  close(): void {
    if (this.#closed) return
    this.#closed = true
    for (const listener of this.#listeners) listener()
    this.#listeners.clear()
  }
}
