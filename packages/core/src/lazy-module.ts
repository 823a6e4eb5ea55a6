/** A module of its own chunk, loaded on first need or ahead of it. */
export interface LazyModule<M> {
  /** starts loading (once; again after a failed load, e.g. offline) and resolves with the module */
  load(): Promise<M>
  /** the module once it has arrived: callers skip an `await`, which costs a turn of the queue */
  now(): M | undefined
  /** `use(m)` now if the module has arrived, else once it has */
  with<T>(use: (m: M) => Promise<T>): Promise<T>
}

/**
 * Wraps a dynamic `import()` so that a bundler gives the module a chunk of its own.
 * @example
 * ```ts
 * const checks = lazyModule(() => import('./checks.js'))
 * const { validate } = checks.now() ?? (await checks.load())
 * ```
 */
export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let loaded: M | undefined
  let loading: Promise<M> | undefined
  return {
    load: () =>
      (loading ??= importer().then(
        (m) => (loaded = m),
        (e: unknown) => {
          loading = undefined
          throw e
        },
      )),
    now: () => loaded,
    with(use) {
      return loaded ? use(loaded) : this.load().then(use)
    },
  }
}
