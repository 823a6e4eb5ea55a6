/**
 * An import's writes: which items of an export file are new to the namespace and which clash with an
 * HWM of the same name, what to do with each, and running those writes one at a time — the same for
 * the admin UI and the `horizon` CLI.
 */
import type { HWMResponseV1 } from '../horizon/types.js'
import type { HwmExportItem } from './hwm-file.js'

/**
 * What an import will do: the new names, and the names the namespace has already.
 * @example `const { create, clash } = planImport(parsed.items, existingHwms)`
 */
export interface ImportPlan {
  create: HwmExportItem[]
  clash: { item: HwmExportItem; existing: HWMResponseV1 }[]
}

/**
 * Splits the items into new names and clashes with the namespace's HWMs.
 * @example `planImport(parsed.items, hwms).clash.map((c) => c.item.name) // names that exist already`
 */
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

/**
 * One write of an import: create a new HWM, update the existing one of the same name, or keep it.
 * @example `{ kind: 'update', item, id: 42 }`
 */
export type ImportStep =
  | { kind: 'create'; item: HwmExportItem }
  | { kind: 'update'; item: HwmExportItem; id: number }
  | { kind: 'skip'; item: HwmExportItem }

/** What an import does with an HWM of the same name: keep it, or overwrite it with the file's fields. */
export type OnClash = 'skip' | 'overwrite'

/**
 * The step for one item, given the HWM of its name in the namespace, if there is one.
 * @example `importStep(item, byName.get(item.name), 'skip') // { kind: 'create', item } for a new name`
 */
export function importStep(item: HwmExportItem, existing: HWMResponseV1 | undefined, onClash: OnClash): ImportStep {
  if (!existing) return { kind: 'create', item }
  return onClash === 'skip' ? { kind: 'skip', item } : { kind: 'update', item, id: existing.id }
}

/**
 * The plan as steps, new names first: they are created; clashes are skipped or overwritten.
 * @example `const steps = importSteps(planImport(items, hwms), 'overwrite')`
 */
export function importSteps(plan: ImportPlan, onClash: OnClash): ImportStep[] {
  return [
    ...plan.create.map((item) => importStep(item, undefined, onClash)),
    ...plan.clash.map(({ item, existing }) => importStep(item, existing, onClash)),
  ]
}

/**
 * The writes an import needs, so the caller chooses how they are sent (a client's methods, a test's stub).
 * @example `{ create: (item) => client.createHwm({ namespace_id: 7, ...item }), update: (id, { name, ...fields }) => client.updateHwm(id, fields) }`
 */
export interface ImportWriter {
  create(item: HwmExportItem): Promise<unknown>
  update(id: number, item: HwmExportItem): Promise<unknown>
}

/**
 * What happened to one item.
 * @example `{ name: 'orders_offset', outcome: 'failed', message: 'Permission denied' }`
 */
export type ImportOutcome = 'created' | 'updated' | 'skipped' | 'failed'
/**
 * One item's result: its name, what happened, and why when it was skipped or failed.
 * @example `{ name: 'orders_offset', outcome: 'skipped', message: 'already exists' }`
 */
export interface ImportResult {
  name: string
  outcome: ImportOutcome
  message?: string
}

/**
 * Runs the steps one at a time. `stopped()` is asked before each: a stop lets the write in flight
 * finish (it is never aborted half-way, so never sent twice) and starts no other. A failed write is
 * reported through `explain` and `onResult`, and the import goes on.
 * @example
 * ```ts
 * await runImport(steps, writer, { onResult: (r) => console.log(r.name, r.outcome), explain: (e) => String(e) })
 * ```
 */
export async function runImport(
  steps: readonly ImportStep[],
  writer: ImportWriter,
  {
    stopped = () => false,
    onResult,
    explain,
  }: {
    stopped?: () => boolean
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
