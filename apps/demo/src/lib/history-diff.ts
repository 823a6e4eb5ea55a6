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

/** The lines of `before` → `after`, each marked added, removed or the same. */
export function diffText(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = []
  for (const part of diffLines(before, after)) {
    const kind: DiffLineKind = part.added ? 'added' : part.removed ? 'removed' : 'same'
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value
    for (const line of text.split('\n')) lines.push({ kind, text: line })
  }
  return lines
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

/** The value's lines from one row to the other. */
export const diffValues = (before: HWMHistoryResponseV1, after: HWMHistoryResponseV1): DiffLine[] =>
  diffText(formatJson(before.value), formatJson(after.value))
