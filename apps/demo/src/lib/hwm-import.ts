/**
 * Reading an export file (`hwm-export.ts`) back: parsed with the exact parser (big integers keep
 * their digits), every item checked before anything is sent, then planned against the HWMs the
 * namespace already has (which names are new, which clash).
 */
import type { HWMResponseV1 } from '@horizon-ts/core'
import type { JsonValue } from '@horizon-ts/core/json'
import { EXPORT_FORMAT, type HwmExportItem } from './hwm-export'
import { parseJson } from './json'

/** An item that cannot be imported, and why (its position in the file, 1-based, and its name if it has one). */
export interface InvalidItem {
  position: number
  name?: string
  problems: string[]
}

export type ParsedImport =
  | { ok: true; items: HwmExportItem[]; invalid: InvalidItem[]; namespace?: string }
  | { ok: false; message: string }

const FIELDS = ['name', 'type', 'value', 'description', 'entity', 'expression']
const isObject = (v: unknown): v is Record<string, JsonValue> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The problems of one item, as Horizon's limits state them (name 1..2048 characters, type 1..64,
 * a value present; description a string; entity and expression a string or null). Empty when fine.
 * @example `itemProblems({ name: '', type: 'column_int', value: 1 }) // ['name: must not be empty']`
 */
export function itemProblems(raw: unknown): string[] {
  if (!isObject(raw)) return ['not an object']
  const problems: string[] = []
  const text = (field: string, min: number, max: number) => {
    const v = raw[field]
    if (typeof v !== 'string') problems.push(`${field}: must be a string`)
    else if (v.length < min) problems.push(`${field}: must not be empty`)
    else if (v.length > max) problems.push(`${field}: at most ${max} characters (has ${v.length})`)
  }
  text('name', 1, 2048)
  text('type', 1, 64)
  if (!Object.hasOwn(raw, 'value')) problems.push('value: missing')
  if (raw.description !== undefined && typeof raw.description !== 'string')
    problems.push('description: must be a string')
  for (const field of ['entity', 'expression'])
    if (raw[field] !== undefined && raw[field] !== null && typeof raw[field] !== 'string')
      problems.push(`${field}: must be a string or null`)
  const unknown = Object.keys(raw).filter((k) => !FIELDS.includes(k))
  if (unknown.length) problems.push(`unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`)
  return problems
}

/** A checked item with its optional fields filled in. */
const itemOf = (raw: Record<string, JsonValue>): HwmExportItem => ({
  name: raw.name as string,
  type: raw.type as string,
  value: raw.value as JsonValue,
  description: (raw.description as string | undefined) ?? '',
  entity: (raw.entity as string | null | undefined) ?? null,
  expression: (raw.expression as string | null | undefined) ?? null,
})

/**
 * Parses an export file's text: the valid items, and the invalid ones with their problems. A name
 * given twice is invalid the second time (the second write would overwrite the first).
 * @example `parseImport(await file.text())`
 */
export function parseImport(text: string): ParsedImport {
  const parsed = parseJson(text)
  if (!parsed.ok) return { ok: false, message: parsed.message }
  const doc = parsed.value
  if (!isObject(doc) || doc.format !== EXPORT_FORMAT || !Array.isArray(doc.hwms))
    return {
      ok: false,
      message: `Not an HWM export: expected an object with "format": "${EXPORT_FORMAT}" and "hwms": [...]`,
    }
  const items: HwmExportItem[] = []
  const invalid: InvalidItem[] = []
  const seen = new Set<string>()
  doc.hwms.forEach((raw, i) => {
    const problems = itemProblems(raw)
    const name = isObject(raw) && typeof raw.name === 'string' ? raw.name : undefined
    if (name !== undefined && !problems.length && seen.has(name)) problems.push('name: given twice in the file')
    if (problems.length || !isObject(raw)) invalid.push({ position: i + 1, name, problems })
    else {
      seen.add(name as string)
      items.push(itemOf(raw))
    }
  })
  return { ok: true, items, invalid, namespace: typeof doc.namespace === 'string' ? doc.namespace : undefined }
}

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
