/**
 * The server's exact JSON: what a response writes and what a body or the data log reads. One writer
 * and one reader, so a value kept in memory, answered, or written to `--data` and read back after a
 * restart is the same, digit for digit: floats stay floats (`1.0`, `1e-07`, as Python writes them),
 * integers keep every digit, objects keep their key order (see `py-json.ts`).
 */
import { scanJson } from './json-scan.js'
import { type PyJsonValue, parsePyJson, writePyJson } from './py-json.js'

/**
 * JSON text of `x`, as a success response carries it (Python's `json.dumps`): integers beyond 2^53
 * (`bigint`) as digits, a `PyFloat` as Python's `repr`, objects in the order they were read.
 * `writeJson(readJson(text))` is `text` with its whitespace removed and its floats in that form.
 */
export const writeJson = (x: unknown): string => writePyJson(x, 'python')

/** `text` (written by {@link writeJson}) parsed back to the same representation a body gets. */
export function readJson(text: string): PyJsonValue {
  const scan = scanJson(text)
  if (scan.kind !== 'valid') throw new SyntaxError('not JSON written by writeJson')
  return parsePyJson(text)
}
