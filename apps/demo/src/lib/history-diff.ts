/**
 * What changed between two versions of an HWM: a line diff of the pretty-printed values and the
 * other fields that differ. Values are printed with the exact writer (`formatJson`), never
 * `JSON.stringify`/`diffJson`, which would round 18446744073709551617 to …616 and hide the change.
 */
import type { HWMHistoryResponseV1 } from '@horizon-ts/core'
import { diffLines } from 'diff'
import { formatJson } from './json'

export type DiffLineKind = 'added' | 'removed' | 'same'

export interface DiffLine {
  kind: DiffLineKind
  text: string
}

/** A stretch of unchanged lines left out of a diff, said as "… 120 unchanged lines". */
export interface DiffFold {
  kind: 'fold'
  count: number
}

// A diff of two 1 MB values must not freeze the tab: past this, it is given up and said so.
const DIFF_TIMEOUT_MS = 500

/** The lines of `before` → `after`, each marked added, removed or the same; `null` if it took too long. */
export function diffText(before: string, after: string): DiffLine[] | null {
  const parts = diffLines(before, after, { timeout: DIFF_TIMEOUT_MS })
  if (!parts) return null
  const lines: DiffLine[] = []
  for (const part of parts) {
    const kind: DiffLineKind = part.added ? 'added' : part.removed ? 'removed' : 'same'
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value
    for (const line of text.split('\n')) lines.push({ kind, text: line })
  }
  return lines
}

/**
 * The changed lines with `context` unchanged lines around each change; longer unchanged stretches
 * become one fold, so a one-key change in a 1,000-key object reads as a few lines.
 */
export function foldUnchanged(lines: DiffLine[], context = 3): (DiffLine | DiffFold)[] {
  const near = lines.map(() => false)
  lines.forEach((line, i) => {
    if (line.kind === 'same') return
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) near[j] = true
  })
  const out: (DiffLine | DiffFold)[] = []
  let run = 0
  lines.forEach((line, i) => {
    if (near[i]) {
      if (run) out.push({ kind: 'fold', count: run })
      run = 0
      out.push(line)
    } else run++
  })
  if (run) out.push({ kind: 'fold', count: run })
  return out
}

const FIELDS = ['name', 'type', 'description', 'entity', 'expression'] as const

export interface FieldChange {
  field: (typeof FIELDS)[number]
  before: string | null
  after: string | null
}

/** The fields besides the value that differ between two history rows. */
export function fieldChanges(before: HWMHistoryResponseV1, after: HWMHistoryResponseV1): FieldChange[] {
  return FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null)).map((field) => ({
    field,
    before: before[field] ?? null,
    after: after[field] ?? null,
  }))
}

/** The value's lines from one row to the other; `null` if the diff took too long. */
export const diffValues = (before: HWMHistoryResponseV1, after: HWMHistoryResponseV1): DiffLine[] | null =>
  diffText(formatJson(before.value), formatJson(after.value))
