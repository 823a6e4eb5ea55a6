/**
 * A namespace's HWMs as a JSON file, and back (see `hwm-import.ts`). Values are written with the
 * exact writer (`formatJson`): 18446744073709551616 stays those digits, never a rounded number.
 */
import type { HWMResponseV1 } from '@horizon-ts/core'
import type { JsonValue } from '@horizon-ts/core/json'
import { formatJson } from './json'

/** What the file says it is, so an import can refuse any other JSON. */
export const EXPORT_FORMAT = 'horizon-ts.hwm-export'
export const EXPORT_VERSION = 1

/** One HWM as exported: what it takes to create it again, nothing tied to one server (no ids). */
export interface HwmExportItem {
  name: string
  type: string
  value: JsonValue
  description: string
  entity: string | null
  expression: string | null
}

/** The file: `{ format, version, namespace, exported_at, hwms: [...] }`. */
export interface HwmExportFile {
  format: typeof EXPORT_FORMAT
  version: typeof EXPORT_VERSION
  namespace: string
  exported_at: string
  hwms: HwmExportItem[]
}

/** The exported fields of an HWM. */
export function exportItem(hwm: HWMResponseV1): HwmExportItem {
  return {
    name: hwm.name,
    type: hwm.type,
    value: hwm.value,
    description: hwm.description,
    entity: hwm.entity ?? null,
    expression: hwm.expression ?? null,
  }
}

/**
 * The file's text, pretty-printed, values exact.
 * @example `exportText('etl', hwms, new Date())`
 */
export function exportText(namespace: string, hwms: readonly HWMResponseV1[], at: Date): string {
  const file: HwmExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    namespace,
    exported_at: at.toISOString(),
    hwms: hwms.map(exportItem),
  }
  return `${formatJson(file as unknown as JsonValue)}\n`
}

/**
 * A file name for the export: the namespace (unsafe characters replaced) and the time.
 * @example `exportFileName('etl/sales', new Date('2024-01-31T10:00:00Z')) // 'hwms-etl_sales-2024-01-31T10-00-00Z.json'`
 */
export function exportFileName(namespace: string, at: Date): string {
  const safe = namespace.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'namespace'
  const when = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')
  return `hwms-${safe}-${when}.json`
}
