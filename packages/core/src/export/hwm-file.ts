/**
 * A namespace's HWMs as a file, and back: the format the admin UI and the `horizon` CLI both write
 * and read, so files move between them:
 * `{ "format": "horizon-ts.hwm-export", "version": 1, "namespace", "exported_at", "hwms": [...] }`.
 * Values are written and read with the exact JSON (integers beyond 2^53 keep every digit).
 */
import type { HWMResponseV1 } from '../horizon/types.js'
import { parseJson, stringifyJson } from '../json/exact.js'
import type { JsonValue } from '../json/types.js'

/**
 * What an export file says it is (its `format`), so an import refuses any other JSON.
 * @example `JSON.parse(text).format === EXPORT_FORMAT`
 */
export const EXPORT_FORMAT = 'horizon-ts.hwm-export'
/**
 * The version of the export file written and read here (its `version`).
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

/**
 * The file: `{ format, version, namespace, exported_at, hwms: [...] }`.
 * @example `const file: HwmExportFile = JSON.parse(text)`
 */
export interface HwmExportFile {
  format: typeof EXPORT_FORMAT
  version: typeof EXPORT_VERSION
  namespace: string
  exported_at: string
  hwms: HwmExportItem[]
}

/**
 * One HWM as the file holds it: what it takes to create it again, nothing tied to one server (no ids).
 * @example `exportItem(await client.getHwm(5)) // { name, type, value, description, entity, expression }`
 */
export const exportItem = (hwm: HWMResponseV1): HwmExportItem => ({
  name: hwm.name,
  type: hwm.type,
  value: hwm.value as JsonValue,
  description: hwm.description,
  entity: hwm.entity ?? null,
  expression: hwm.expression ?? null,
})

/**
 * The file's text for `hwms` of `namespace`, pretty-printed, values exact.
 * @example `writeFileSync('etl.json', exportText('etl', hwms, new Date()))`
 */
export function exportText(namespace: string, hwms: readonly HWMResponseV1[], at: Date): string {
  const file: HwmExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    namespace,
    exported_at: at.toISOString(),
    hwms: hwms.map(exportItem),
  }
  return `${stringifyJson(file as unknown as JsonValue, 2)}\n`
}

/**
 * An item that cannot be imported: its 1-based position, its name if it has one, and why.
 * @example `{ position: 3, name: '', problems: ['name: must not be empty'] }`
 */
export interface InvalidItem {
  position: number
  name?: string
  problems: string[]
}

const FIELDS = ['name', 'type', 'value', 'description', 'entity', 'expression']
const isObject = (v: unknown): v is Record<string, JsonValue> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The problems of one item, as Horizon's limits state them (name 1..2048 characters, type 1..64, a
 * value present; description a string; entity and expression a string or null). Empty when fine.
 * @example `itemProblems({ name: '', type: 'column_int', value: 1 }) // ['name: must not be empty']`
 */
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

/**
 * What `parseImport` found: the valid items and the invalid ones, or why the text is no export file.
 * @example `const parsed: ParsedImport = parseImport(text); if (parsed.ok) console.log(parsed.items.length)`
 */
export type ParsedImport =
  | { ok: true; items: HwmExportItem[]; invalid: InvalidItem[]; namespace?: string }
  | { ok: false; message: string }

/**
 * Parses an export file's text: the valid items, and the invalid ones with their problems (a name
 * given twice is invalid the second time: the second write would overwrite the first).
 * @example `const parsed = parseImport(readFileSync('etl.json', 'utf8'))`
 */
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
    return {
      ok: false,
      message: `Export version ${stringifyJson(doc.version ?? null)}: version 1 is the one read here`,
    }
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
