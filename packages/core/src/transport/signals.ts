/**
 * An AbortController that aborts when `signal` does. Call `unlink` once the work is done: a
 * long-lived signal (an app's shutdown signal passed to every call) would otherwise keep a
 * listener, and the controller, per call.
 */
export function follow(signal: AbortSignal): { controller: AbortController; unlink: () => void } {
  const controller = new AbortController()
  const forward = () => controller.abort(signal.reason)
  if (signal.aborted) forward()
  else signal.addEventListener('abort', forward, { once: true })
  return { controller, unlink: () => signal.removeEventListener('abort', forward) }
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first; leaves no listener behind. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const abort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', abort, { once: true })
  })
}
