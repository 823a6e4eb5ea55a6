/** The shape every command has: its words, arguments, options and what it does. */
import type { HorizonClient } from '@horizon-ts/core'
import { UsageError } from './errors.js'
import type { Io } from './io.js'

/** The option values of one run, as `parseArgs` gives them. */
export type Values = Record<string, string | boolean | undefined>

/** What a command runs with. */
export interface Context {
  io: Io
  /** `--json` */
  json: boolean
  values: Values
  /** the positionals after the command's words */
  args: string[]
  /** the client, connected on first use (so `--help` and usage errors never ask for a password) */
  client(): Promise<HorizonClient>
}

/** One command. */
export interface Command {
  /** its words, e.g. `hwm set` */
  name: string
  /** the positionals it takes, e.g. `['NS', 'NAME', 'VALUE']`; a last `NAMES...` takes one or more */
  args: string[]
  /** the options it takes besides the connection and output ones */
  options: string[]
  /** false for commands that work without logging in (`ping`) */
  auth?: boolean
  summary: string
  /** the help text after the usage line: options and examples */
  help: string
  run(ctx: Context): Promise<number | undefined>
}

/** A string option's value, or undefined. */
export const text = (values: Values, name: string): string | undefined => {
  const v = values[name]
  return typeof v === 'string' ? v : undefined
}

/** A positive integer option (`--page`, `--page-size`). */
export function positive(values: Values, name: string): number | undefined {
  const v = text(values, name)
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--${name} takes a positive integer, not "${v}"`)
  return Number(v)
}

/** `--page` / `--page-size`, refused together with `--all`. */
export function paging(values: Values): { page?: number; page_size?: number; all: boolean } {
  const all = values.all === true
  const page = positive(values, 'page')
  const page_size = positive(values, 'page-size')
  if (all && page !== undefined) throw new UsageError('--all reads every page: leave out --page')
  return { page, page_size, all }
}
