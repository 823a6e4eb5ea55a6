/**
 * Reading an export file (`hwm-export.ts`) back: parsed with the exact parser (big integers keep
 * their digits), every item checked before anything is sent, then planned against the HWMs the
 * namespace already has (which names are new, which clash).
 */
import type { HWMResponseV1 } from '@horizon-ts/core'
import type { HwmExportItem } from '@horizon-ts/core/export'

// Reading and checking the file is the core's (shared with the `horizon` CLI).
export { type InvalidItem, itemProblems, type ParsedImport, parseImport } from '@horizon-ts/core/export'

/** What an import will do: the new names, and the names the namespace has already. */
export interface ImportPlan {
  create: HwmExportItem[]
  clash: { item: HwmExportItem; existing: HWMResponseV1 }[]
}

/** Splits the items into new names and clashes with the namespace's HWMs. */
export function planImport(items: readonly HwmExportItem[], existing: readonly HWMResponseV1[]): ImportPlan {
  const byName = new Map(existing.map((h) => [h.name, h]))
  const plan: ImportPlan = { create: [], clash: [] }
  for (const item of items) {
    const found = byName.get(item.name)
    if (found) plan.clash.push({ item, existing: found })
    else plan.create.push(item)
  }
  return plan
}

/** What happened to one item. */
export type ImportOutcome = 'created' | 'updated' | 'skipped' | 'failed'
export interface ImportResult {
  name: string
  outcome: ImportOutcome
  message?: string
}

/** Steps of one import: what to write, in order. */
export type ImportStep =
  | { kind: 'create'; item: HwmExportItem }
  | { kind: 'update'; item: HwmExportItem; id: number }
  | { kind: 'skip'; item: HwmExportItem }

/** The plan as steps: new names are created; clashes are skipped or overwritten (an update of the existing HWM). */
export function importSteps(plan: ImportPlan, onClash: 'skip' | 'overwrite'): ImportStep[] {
  return [
    ...plan.create.map((item) => ({ kind: 'create' as const, item })),
    ...plan.clash.map(({ item, existing }) =>
      onClash === 'skip' ? { kind: 'skip' as const, item } : { kind: 'update' as const, item, id: existing.id },
    ),
  ]
}

/** The writes an import needs, so a test or another UI can run the steps without this client. */
export interface ImportWriter {
  create(item: HwmExportItem): Promise<unknown>
  update(id: number, item: HwmExportItem): Promise<unknown>
}

/**
 * Runs the steps one at a time. `stopped()` is asked before each: a Cancel lets the write in flight
 * finish (it is never aborted half-way, so never sent twice) and starts no other. A failed write is
 * reported and the import goes on.
 */
export async function runImport(
  steps: readonly ImportStep[],
  writer: ImportWriter,
  {
    stopped,
    onResult,
    explain,
  }: {
    stopped: () => boolean
    onResult: (result: ImportResult) => void
    explain: (error: unknown) => string
  },
): Promise<void> {
  for (const step of steps) {
    if (stopped()) return
    const name = step.item.name
    if (step.kind === 'skip') {
      onResult({ name, outcome: 'skipped', message: 'already exists' })
      continue
    }
    try {
      if (step.kind === 'create') await writer.create(step.item)
      else await writer.update(step.id, step.item)
      onResult({ name, outcome: step.kind === 'create' ? 'created' : 'updated' })
    } catch (error) {
      onResult({ name, outcome: 'failed', message: explain(error) })
    }
  }
}
