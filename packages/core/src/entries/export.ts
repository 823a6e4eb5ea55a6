/**
 * `@horizon-ts/core/export`: a namespace's HWMs as a file and back, the format the admin UI and the
 * `horizon` CLI share; values exact. An import is planned against the namespace's HWMs (new names,
 * clashes) and its writes run one at a time (`planImport`, `importSteps`, `runImport`).
 * @example
 * ```ts
 * import { exportText, parseImport } from '@horizon-ts/core/export'
 * const text = exportText('etl', [], new Date())
 * const parsed = parseImport(text) // { ok: true, items: [], invalid: [], namespace: 'etl' }
 * ```
 */
export type { HwmExportFile, HwmExportItem, InvalidItem, ParsedImport } from '../export/hwm-file.js'
export { EXPORT_FORMAT, EXPORT_VERSION, exportItem, exportText, itemProblems, parseImport } from '../export/hwm-file.js'
export type {
  ImportOutcome,
  ImportPlan,
  ImportResult,
  ImportStep,
  ImportWriter,
  OnClash,
} from '../export/import-run.js'
export { importStep, importSteps, planImport, runImport } from '../export/import-run.js'
