/**
 * The HWM export file the demo's admin UI writes and reads (apps/demo/src/lib/hwm-export.ts and
 * hwm-import.ts), so files move between the UI and the CLI:
 * `{ "format": "horizon-ts.hwm-export", "version": 1, "namespace", "exported_at", "hwms": [...] }`,
 * values written and read with the exact JSON of `@horizon-ts/core/json`.
 */
import type { HWMResponseV1 } from '@horizon-ts/core'
import { type JsonValue, parseJson, stringifyJson } from '@horizon-ts/core/json'

/**
 * What an export file says it is (its `format`), so an import refuses any other JSON.
 * @example `JSON.parse(text).format === EXPORT_FORMAT`
 */
export const EXPORT_FORMAT = 'horizon-ts.hwm-export'
/**
 * The version of the export file this CLI writes and reads (its `version`).
 * @example `JSON.parse(text).version === EXPORT_VERSION`
 */
export const EXPORT_VERSION = 1

/**
 * One HWM as exported: what it takes to create it again, no ids.
 * @example `{ name: 'orders_offset', type: 'column_int', value: 18446744073709551616n, description: '', entity: null, expression: null }`
 */
export interface HwmExportItem {
  name: string
  type: string
  value: JsonValue
  description: string
  entity: string | null
  expression: string | null
}

/** The file's text, pretty-printed, values exact. */
export function exportText(namespace: string, hwms: readonly HWMResponseV1[], at: Date): string {
  const file = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    namespace,
    exported_at: at.toISOString(),
    hwms: hwms.map((h) => ({
      name: h.name,
      type: h.type,
      value: h.value,
      description: h.description,
      entity: h.entity ?? null,
      expression: h.expression ?? null,
    })),
  }
  return `${stringifyJson(file as unknown as JsonValue, 2)}\n`
}

/** An item that cannot be imported: its 1-based position, its name if it has one, and why. */
export interface InvalidItem {
  position: number
  name?: string
  problems: string[]
}

const FIELDS = ['name', 'type', 'value', 'description', 'entity', 'expression']
const isObject = (v: unknown): v is Record<string, JsonValue> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The problems of one item, as the demo checks them (Horizon's limits); empty when fine. */
export function itemProblems(raw: unknown): string[] {
  if (!isObject(raw)) return ['not an object']
  const problems: string[] = []
  const textField = (field: string, min: number, max: number) => {
    const v = raw[field]
    if (typeof v !== 'string') problems.push(`${field}: must be a string`)
    else if (v.length < min) problems.push(`${field}: must not be empty`)
    else if (v.length > max) problems.push(`${field}: at most ${max} characters (has ${v.length})`)
  }
  textField('name', 1, 2048)
  textField('type', 1, 64)
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

export type ParsedImport =
  | { ok: true; items: HwmExportItem[]; invalid: InvalidItem[]; namespace?: string }
  | { ok: false; message: string }

/** Parses an export file: the valid items and the invalid ones (a name given twice is invalid the second time). */
export function parseImport(text: string): ParsedImport {
  let doc: JsonValue
  try {
    doc = parseJson(text) as JsonValue
  } catch (e) {
    return { ok: false, message: `Not JSON: ${(e as Error).message}` }
  }
  if (!isObject(doc) || doc.format !== EXPORT_FORMAT || !Array.isArray(doc.hwms))
    return {
      ok: false,
      message: `Not an HWM export: expected an object with "format": "${EXPORT_FORMAT}" and "hwms": [...]`,
    }
  if (doc.version !== EXPORT_VERSION)
    return { ok: false, message: `Export version ${stringifyJson(doc.version ?? null)}: this CLI reads version 1` }
  const items: HwmExportItem[] = []
  const invalid: InvalidItem[] = []
  const seen = new Set<string>()
  doc.hwms.forEach((raw, i) => {
    const problems = itemProblems(raw)
    const name = isObject(raw) && typeof raw.name === 'string' ? raw.name : undefined
    if (name !== undefined && !problems.length && seen.has(name)) problems.push('name: given twice in the file')
    if (problems.length || !isObject(raw))
      invalid.push({ position: i + 1, ...(name !== undefined && { name }), problems })
    else {
      seen.add(name as string)
      items.push({
        name: raw.name as string,
        type: raw.type as string,
        value: raw.value as JsonValue,
        description: (raw.description as string | undefined) ?? '',
        entity: (raw.entity as string | null | undefined) ?? null,
        expression: (raw.expression as string | null | undefined) ?? null,
      })
    }
  })
  return { ok: true, items, invalid, ...(typeof doc.namespace === 'string' && { namespace: doc.namespace }) }
}
