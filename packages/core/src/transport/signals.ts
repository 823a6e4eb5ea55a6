/** An abort signal of our own, aborted by any of the given signals (AbortSignal.any is too recent for some browsers). */
export function linkSignals(...signals: Array<AbortSignal | undefined>): AbortController {
  const controller = new AbortController()
  for (const s of signals) {
    if (!s) continue
    if (s.aborted) controller.abort(s.reason)
    else s.addEventListener('abort', () => controller.abort(s.reason), { once: true })
  }
  return controller
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason)
      },
      { once: true },
    )
  })
}
