/** `horizon export NS > file.json` and `horizon import NS < file.json`, in the admin UI's file format. */
import type { HorizonClient, HWMResponseV1 } from '@horizon-ts/core'
import {
  exportText,
  type ImportResult,
  type ImportStep,
  type ImportWriter,
  importStep,
  parseImport,
  runImport,
} from '@horizon-ts/core/export'
import { type Command, text } from '../command.js'
import { InputError, UsageError } from '../errors.js'
import { exitCodeOf } from '../exit-codes.js'
import type { Io } from '../io.js'
import { readAll } from '../io.js'
import { findNamespace } from '../lookup.js'
import { print, progress } from '../output.js'

/** Every HWM of a namespace, with progress on a terminal's stderr. */
async function readAllHwms(client: HorizonClient, io: Io, namespaceId: number, what: string): Promise<HWMResponseV1[]> {
  const shown = progress(io)
  const hwms: HWMResponseV1[] = []
  for await (const hwm of client.iterateHwm({ namespace_id: namespaceId })) {
    hwms.push(hwm)
    shown.update(`${what}: ${hwms.length} HWMs read…`)
  }
  shown.done()
  return hwms
}

export const exportCommand: Command = {
  name: 'export',
  args: ['NS'],
  options: [],
  summary: "write a namespace's HWMs as an export file to stdout",
  help: `The file is the admin UI's export (format "horizon-ts.hwm-export", version 1): name, type, value,
description, entity and expression of each HWM, values exact. The admin UI and \`horizon import\` read it.

Examples:
  horizon export etl_sales > etl_sales.json
  horizon export etl_sales --profile prod | horizon import etl_sales --profile staging --on-clash overwrite`,
  async run(ctx) {
    const client = await ctx.client()
    const ns = await findNamespace(client, ctx.args[0]!)
    const hwms = await readAllHwms(client, ctx.io, ns.id, 'export')
    ctx.io.stdout.write(exportText(ns.name, hwms, new Date()))
    return 0
  },
}

/** What would happen to one item of the file, with `--dry-run`. */
export interface DryRunResult {
  name: string
  outcome: 'would create' | 'would update' | 'would skip'
  message?: string
}

const ON_CLASH = ['skip', 'overwrite', 'fail'] as const

export const importCommand: Command = {
  name: 'import',
  args: ['NS'],
  options: ['dry-run', 'on-clash'],
  summary: 'create or update HWMs from an export file on stdin',
  help: `Reads an export file (\`horizon export\`, or the admin UI's) from stdin and writes its HWMs into NS,
one at a time, printing what happened to each. The file is checked first: if an item is invalid,
nothing is written (exit 5).

Options:
  --on-clash fail       an HWM of the same name exists: write nothing, list the clashes (default, exit 5)
  --on-clash skip       keep the existing HWM
  --on-clash overwrite  update it with the file's type, value, description, entity and expression
  --dry-run             print what would happen, write nothing

Examples:
  horizon import etl_sales --dry-run < etl_sales.json
  horizon import etl_sales_staging --on-clash overwrite < etl_sales.json`,
  async run(ctx) {
    const onClash = text(ctx.values, 'on-clash') ?? 'fail'
    if (!(ON_CLASH as readonly string[]).includes(onClash))
      throw new UsageError(`--on-clash takes skip, overwrite or fail, not "${onClash}"`)
    const dryRun = ctx.values['dry-run'] === true
    const parsed = parseImport(await readAll(ctx.io.stdin))
    if (!parsed.ok) throw new InputError(parsed.message)
    if (parsed.invalid.length)
      throw new InputError(
        `The file has ${parsed.invalid.length} invalid item(s); nothing was written:\n${parsed.invalid
          .map((i) => `  #${i.position}${i.name === undefined ? '' : ` ${i.name}`}: ${i.problems.join('; ')}`)
          .join('\n')}`,
      )
    const client = await ctx.client()
    const ns = await findNamespace(client, ctx.args[0]!)
    const existing = new Map((await readAllHwms(client, ctx.io, ns.id, 'import')).map((h) => [h.name, h]))
    const results: (ImportResult | DryRunResult)[] = []
    let code = 0
    const clashes = parsed.items.filter((i) => existing.has(i.name))
    if (onClash === 'fail' && clashes.length) {
      for (const item of parsed.items)
        results.push(
          existing.has(item.name)
            ? { name: item.name, outcome: 'failed', message: 'already exists (--on-clash skip or overwrite)' }
            : { name: item.name, outcome: 'skipped', message: 'not written: the import has clashes' },
        )
      code = 5
    } else {
      const steps = parsed.items.map((item) =>
        importStep(item, existing.get(item.name), onClash === 'skip' ? 'skip' : 'overwrite'),
      )
      if (dryRun) results.push(...steps.map(wouldDo))
      else {
        const shown = progress(ctx.io)
        await runImport(steps, writerFor(client, ns.id), {
          onResult: (result) => {
            results.push(result)
            shown.update(`import: ${results.length}/${steps.length} ${result.name}`)
          },
          explain: (error) => {
            if (!code) code = exitCodeOf(error)
            return (error as Error).message
          },
        })
        shown.done()
      }
    }
    print(
      ctx.io,
      ctx.json,
      { namespace: ns.name, dry_run: dryRun, on_clash: onClash, results },
      {
        kind: 'table',
        columns: ['name', 'outcome', 'message'],
        rows: (d: { results: (ImportResult | DryRunResult)[] }) => d.results,
      },
    )
    return code
  },
}

/** What a step would do, for `--dry-run`. */
const wouldDo = (step: ImportStep): DryRunResult =>
  step.kind === 'skip'
    ? { name: step.item.name, outcome: 'would skip', message: 'already exists' }
    : { name: step.item.name, outcome: step.kind === 'create' ? 'would create' : 'would update' }

/** The import's writes through the client (its validation, retries and exact values). */
const writerFor = (client: HorizonClient, namespaceId: number): ImportWriter => ({
  create: (item) => client.createHwm({ namespace_id: namespaceId, ...item }),
  update: (id, { name: _, ...fields }) => client.updateHwm(id, fields),
})
