/**
 * The server's exact JSON: what a response writes and what a body or the data log reads. One writer
 * and one reader, so a value kept in memory, answered, or written to `--data` and read back after a
 * restart is the same, digit for digit.
 */
import { stringifyJson } from '@horizon-ts/core/json'
import { parseExact } from './json-parse.js'
import { scanJson } from './json-scan.js'

/** JSON text of `x`, as a response carries it (integers beyond 2^53 kept as `bigint` digits). */
export const writeJson = (x: unknown): string => stringifyJson(x)

/** `text` (written by {@link writeJson}) parsed back to the same representation a body gets. */
export function readJson(text: string): unknown {
  const scan = scanJson(text)
  if (scan.kind !== 'valid') throw new SyntaxError('not JSON written by writeJson')
  return parseExact(text, scan.bigIntegers)
}
