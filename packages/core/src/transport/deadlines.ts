import { follow } from './signals.js'

/** The rejection of an attempt whose deadline passed. */
export const TIMEOUT: unique symbol = Symbol('timeout')

/** Attempts that share one AbortController. */
export interface Batch {
  controller: AbortController
  /** attempts that joined */
  members: number
  /** attempts neither settled nor timed out */
  live: number
  /** takes no new attempts: one of its attempts timed out, or it is a caller's own */
  closed: boolean
  timedOut: boolean
  /** stops following the caller's signal */
  unlink?: () => void
}

/** One attempt under watch; the transport hands `signal` to fetch and waits through `race`. */
export interface Watch {
  readonly signal: AbortSignal
  /** settles as `work` does, or rejects with {@link TIMEOUT} at the attempt's deadline, whichever comes first */
  race<T>(work: Promise<T>): Promise<T>
  readonly connectionAt: number
  readonly requestAt: number
  /** from then on only the request deadline applies */
  headersArrived: boolean
  ended: boolean
  readonly batch: Batch
  /** rejects the attempt's `race` */
  reject?: (reason: unknown) => void
}

/** Attempts per shared controller: fetch adds an abort listener to it for each request. */
const BATCH_SIZE = 200

/**
 * The connection and request timeouts of every attempt of a transport, on one timer and, for calls
 * without a caller's signal, one AbortController per batch of attempts. In Node 20 an AbortSignal and
 * timers of its own cost an attempt about a quarter of a whole request through ofetch (`pnpm bench`).
 *
 * A timed-out attempt is rejected at its deadline; its network request is cancelled when the last
 * live attempt of its batch settles or times out (a timeout closes the batch to newcomers), so at
 * most one request timeout later. Calls with a caller's signal get a controller of their own.
 */
export class Deadlines {
  readonly #connectionMs: number
  readonly #requestMs: number
  readonly #entries = new Set<Watch>()
  #batch: Batch | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  #timerAt = Infinity

  constructor(connectionMs: number, requestMs: number) {
    this.#connectionMs = connectionMs
    this.#requestMs = requestMs
  }

  /** Starts watching an attempt; `signal` is the caller's, if any. */
  watch(signal?: AbortSignal): Watch {
    // A monotonic clock: a wall clock set forward would time out every pending call.
    const now = performance.now()
    const batch = signal ? this.#own(signal) : this.#shared()
    batch.members++
    batch.live++
    const watch: Watch = {
      signal: batch.controller.signal,
      // One promise, not Promise.race's three: this is on every call's path.
      race: (work) =>
        new Promise((resolve, reject) => {
          if (watch.ended) return reject(TIMEOUT) // only a timeout ends a watch before its race
          watch.reject = reject
          work.then(resolve, reject)
        }),
      connectionAt: now + this.#connectionMs,
      requestAt: now + this.#requestMs,
      headersArrived: false,
      ended: false,
      batch,
    }
    // Only pending attempts keep a Node process alive: an idle client must not delay its exit.
    if (!this.#entries.size) ref(this.#timer, true)
    this.#entries.add(watch)
    this.#schedule(Math.min(watch.connectionAt, watch.requestAt))
    return watch
  }

  /** The attempt settled (or failed) before its deadline. */
  done(watch: Watch): void {
    this.#end(watch, false)
  }

  #own(signal: AbortSignal): Batch {
    const { controller, unlink } = follow(signal)
    return { ...newBatch(controller, true), unlink }
  }

  #shared(): Batch {
    const b = this.#batch
    if (b && !b.closed && b.members < BATCH_SIZE) return b
    this.#batch = newBatch(new AbortController(), false)
    return this.#batch
  }

  #end(entry: Watch, timedOut: boolean): void {
    if (entry.ended) return
    entry.ended = true
    this.#entries.delete(entry)
    if (!this.#entries.size) ref(this.#timer, false)
    const batch = entry.batch
    batch.live--
    if (timedOut) {
      batch.closed = batch.timedOut = true
      entry.reject?.(TIMEOUT)
    }
    if (batch.live || !batch.closed) return
    batch.unlink?.()
    if (batch.timedOut) batch.controller.abort(TIMEOUT)
  }

  /** Makes the timer fire by `at`. Deadlines only grow, so an earlier timer is kept. */
  #schedule(at: number): void {
    if (at >= this.#timerAt) return
    clearTimeout(this.#timer)
    this.#timerAt = at
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, at - performance.now()))
  }

  #tick(): void {
    this.#timerAt = Infinity
    const now = performance.now()
    let next = Infinity
    for (const e of this.#entries) {
      const at = e.headersArrived ? e.requestAt : Math.min(e.connectionAt, e.requestAt)
      if (at <= now) this.#end(e, true)
      else next = Math.min(next, at)
    }
    if (next < Infinity) this.#schedule(next)
  }
}

const newBatch = (controller: AbortController, closed: boolean): Batch => ({
  controller,
  members: 0,
  live: 0,
  closed,
  timedOut: false,
})

/** Node's timers can be unref'd; a browser's are plain numbers. */
const ref = (timer: ReturnType<typeof setTimeout> | undefined, on: boolean) => {
  const t = timer as { ref?: () => void; unref?: () => void } | undefined
  if (typeof t === 'object') on ? t.ref?.() : t.unref?.()
}
