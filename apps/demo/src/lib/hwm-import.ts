/**
 * Reading an export file (`hwm-export.ts`) back: parsed with the exact parser (big integers keep
 * their digits), every item checked before anything is sent, then planned against the HWMs the
 * namespace already has (which names are new, which clash) and written one at a time. All of it is
 * the core's, shared with the `horizon` CLI.
 */
export {
  type ImportOutcome,
  type ImportPlan,
  type ImportResult,
  type ImportStep,
  type ImportWriter,
  type InvalidItem,
  importSteps,
  itemProblems,
  type ParsedImport,
  parseImport,
  planImport,
  runImport,
} from '@horizon-ts/core/export'
