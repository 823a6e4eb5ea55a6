/** What the store hands its committed changes to: the data log of `--data` (`data-log.ts`). */
import type { Change } from './tables.js'

/** Where committed changes go to last: the data log. Absent: the store lives in memory only. */
export interface Journal {
  /** Writes one transaction's changes, whole or not at all; throws when it cannot. */
  append(changes: readonly Change[]): void
  /** Resolves once everything appended so far is on disk (fsync). */
  flushed(): Promise<void>
}
