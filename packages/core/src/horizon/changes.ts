/**
 * What reads are about and what writes change, as plain domain data (no cache library in it):
 * the operation rows state them, `@horizon-ts/core/query` turns them into TanStack keys and
 * cache effects. A subject is a path from the general to the specific, such as `['hwm', 5]`
 * (everything about HWM 5), `['hwm', 5, 'history']` or `['hwms', 2]` (the HWM lists of namespace 2).
 */

/** What a read's answer depends on: an entity path such as `['hwm', 5]` or `['namespaces']`. */
export type Subject = readonly [string, ...(string | number)[]]

/** One consequence of a write. */
export type Change =
  /** the write's answer is now what read `read` called with `args` answers */
  | { kind: 'answers'; read: string; args: readonly unknown[] }
  /** every read about `about` may now answer differently */
  | { kind: 'changed'; about: Subject }
  /** the entity is gone: every read about `about` (or only read `read` of it) would answer 404 */
  | { kind: 'gone'; about: Subject; read?: string }

/**
 * The write's answer is what `read(...args)` answers now.
 * @example `answers('getHwm', 5)`
 */
export const answers = (read: string, ...args: unknown[]): Change => ({ kind: 'answers', read, args })
/**
 * Reads about the subject may answer differently now.
 * @example `changed('hwms', 2) // every HWM list of namespace 2`
 */
export const changed = (...about: Subject): Change => ({ kind: 'changed', about })
/**
 * The subject was deleted (or only its read `read`, when given).
 * @example `gone(['hwm', 5], 'getHwm')`
 */
export const gone = (about: Subject, read?: string): Change => ({ kind: 'gone', about, read })

/** What the client already knows: the cached answer of `read(...args)`, if any. */
export type Known = <T>(read: string, ...args: unknown[]) => T | undefined

/** A value to show before the server answers: which read's answer, and how it changes. */
export interface Preview<T = never> {
  read: string
  args: readonly unknown[]
  update: (old: T | undefined) => T | undefined
}
