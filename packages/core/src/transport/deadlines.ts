import { follow } from './signals.js'

/** The rejection of an attempt whose deadline passed. */
export const TIMEOUT: unique symbol = Symbol('timeout')

/** One attempt under watch; the transport hands `signal` to fetch and waits through `race`. */
export interface Watch {
  /** what fetch gets: the attempt's own signal, which follows the caller's; without timeouts, the caller's as it is */
  readonly signal: AbortSignal | undefined
  /** settles as `work` does, or rejects with {@link TIMEOUT} at the attempt's deadline, whichever comes first */
  race<T>(work: Promise<T>): Promise<T>
  readonly connectionAt: number
  readonly requestAt: number
  /** the answer, once its headers are in: from then on only the request deadline applies */
  response?: Response
  timedOut: boolean
  /** aborts the request at the deadline (none without timeouts) */
  readonly controller: AbortController | undefined
  /** stops following the caller's signal */
  readonly unlink: (() => void) | undefined
  /** rejects the attempt's `race` */
  reject?: (reason: unknown) => void
}

/**
 * The connection and request timeouts of every attempt of a transport, on one timer. Each attempt
 * has an AbortController of its own, which follows the caller's signal and is aborted at the
 * deadline, so a timed-out request is cancelled at once. (Shared controllers were cheaper on a
 * stub, but Node's fetch copies a signal's whole listener list for every request that follows it
 * and keeps each listener until the Request is collected: on real sockets they cost more.)
 */
export class Deadlines {
  readonly #connectionMs: number
  readonly #requestMs: number
  readonly #entries = new Set<Watch>()
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
    const connectionAt = now + this.#connectionMs
    const requestAt = now + this.#requestMs
    const first = Math.min(connectionAt, requestAt)
    const timed = first < Infinity
    const link = timed
      ? signal
        ? follow(signal)
        : { controller: new AbortController(), unlink: undefined }
      : undefined
    const controller = link?.controller
    const watch: Watch = {
      signal: controller ? controller.signal : signal,
      // One promise, not Promise.race's three: this is on every call's path.
      race: (work) =>
        new Promise((resolve, reject) => {
          if (watch.timedOut) return reject(TIMEOUT)
          watch.reject = reject
          work.then(resolve, reject)
        }),
      connectionAt,
      requestAt,
      timedOut: false,
      controller,
      unlink: link?.unlink,
    }
    if (!timed) return watch
    // Only pending attempts keep a Node process alive: an idle client must not delay its exit.
    if (!this.#entries.size) ref(this.#timer, true)
    this.#entries.add(watch)
    this.#schedule(first)
    return watch
  }

  /** The answer's headers are in: from then on only the request deadline applies. */
  arrived(watch: Watch, response: Response): void {
    watch.response = response
  }

  /** The attempt settled (or failed) before its deadline. */
  done(watch: Watch): void {
    this.#end(watch, false)
  }

  #end(watch: Watch, timedOut: boolean): void {
    // Ended once: a watch leaves the set when it settles or times out (one without timeouts never joins).
    if (!this.#entries.delete(watch)) return
    if (!this.#entries.size) ref(this.#timer, false)
    watch.unlink?.()
    if (!timedOut) return
    watch.timedOut = true
    watch.reject?.(TIMEOUT)
    watch.controller?.abort(TIMEOUT)
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
      const at = e.response ? e.requestAt : Math.min(e.connectionAt, e.requestAt)
      if (at <= now) this.#end(e, true)
      else next = Math.min(next, at)
    }
    if (next < Infinity) this.#schedule(next)
  }
}

/** Node's timers can be unref'd; a browser's are plain numbers. */
const ref = (timer: ReturnType<typeof setTimeout> | undefined, on: boolean) => {
  const t = timer as { ref?: () => void; unref?: () => void } | undefined
  if (typeof t === 'object') on ? t.ref?.() : t.unref?.()
}
