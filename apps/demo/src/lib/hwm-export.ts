/**
 * A namespace's HWMs as a JSON file, and back (see `hwm-import.ts`): the format is the core's
 * (`@horizon-ts/core/export`, shared with the `horizon` CLI); the file's name is the UI's.
 */

export type { HwmExportFile, HwmExportItem } from '@horizon-ts/core/export'
export { EXPORT_FORMAT, EXPORT_VERSION, exportItem, exportText } from '@horizon-ts/core/export'

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
