/**
 * What a command prints: with `--json`, its result as exact JSON (integers beyond 2^53 keep their
 * digits); otherwise a table for lists and `field  value` lines for one record.
 */
import { type JsonValue, stringifyJson } from '@horizon-ts/core/json'
import type { Io } from './io.js'

/**
 * A cell's text: strings as they are, nothing for null, any other value as exact compact JSON. A
 * `value` field is always JSON, so the string "42" and the number 42 read apart.
 */
export function cell(value: unknown, key?: string): string {
  if (key === 'value') return stringifyJson(value as JsonValue)
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  return stringifyJson(value as JsonValue)
}

/** The widest a table cell is shown; `get` and `--json` show the whole value. */
const CELL_MAX = 60
const short = (text: string) => (text.length > CELL_MAX ? `${text.slice(0, CELL_MAX - 1)}…` : text)

/** Rows as a table: a header of the column names, then one padded line per row (long cells cut with …). */
export function table(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const cells = rows.map((r) => columns.map((c) => short(cell(r[c], c).replace(/\n/g, '\\n'))))
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)))
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  return `${[line(columns.map((c) => c.toUpperCase())), ...cells.map(line)].join('\n')}\n`
}

/** One record as `field  value` lines. */
export function record(value: Record<string, unknown>): string {
  const keys = Object.keys(value)
  const width = Math.max(0, ...keys.map((k) => k.length))
  return `${keys.map((k) => `${k.padEnd(width)}  ${cell(value[k], k)}`.trimEnd()).join('\n')}\n`
}

/** How a result reads as text when `--json` is not given. */
export type View =
  | { kind: 'table'; columns: readonly string[]; rows?: (data: never) => readonly object[] }
  | { kind: 'record' }
  | { kind: 'text'; text: (data: never) => string }

/** Prints a command's result to stdout. */
export function print(io: Io, json: boolean, data: unknown, view: View): void {
  if (json) {
    io.stdout.write(`${stringifyJson(data as JsonValue, 2)}\n`)
    return
  }
  if (view.kind === 'text') io.stdout.write(view.text(data as never))
  else if (view.kind === 'record') io.stdout.write(record(data as Record<string, unknown>))
  else {
    const rows = (view.rows ? view.rows(data as never) : data) as Record<string, unknown>[]
    io.stdout.write(rows.length ? table(rows, view.columns) : '(none)\n')
  }
}

/** A progress line on stderr, rewritten in place; only when stderr is a terminal. */
export function progress(io: Io): { update(text: string): void; done(): void } {
  let shown = false
  return {
    update(text) {
      if (!io.isTTY.stderr) return
      io.stderr.write(`\r\x1b[2K${text}`)
      shown = true
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[2K')
    },
  }
}
