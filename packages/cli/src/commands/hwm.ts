/** `horizon hwm list|get|set|delete|history|copy`. */
import type { HWMResponseV1 } from '@horizon-ts/core'
import { type JsonValue, parseJson } from '@horizon-ts/core/json'
import { type Command, text } from '../command.js'
import { InputError, UsageError } from '../errors.js'
import { readAll } from '../io.js'
import { list } from '../listing.js'
import { findHwm, findHwmByName, findNamespace } from '../lookup.js'
import { print, record } from '../output.js'

const COLUMNS = ['id', 'name', 'type', 'value', 'entity', 'changed_at']

export const hwmList: Command = {
  name: 'hwm list',
  args: ['NS'],
  options: ['name', 'type', 'page', 'page-size', 'all'],
  summary: "list a namespace's HWMs",
  help: `Options:
  --name NAME        only the HWM of that exact name
  --type TYPE        only HWMs of that type (filters the page read)
  --page N           which page (default 1)
  --page-size N      HWMs per page
  --all              every page (progress on stderr when it is a terminal)

Examples:
  horizon hwm list etl_sales
  horizon hwm list etl_sales --type column_int --all --json`,
  async run(ctx) {
    const client = await ctx.client()
    const ns = await findNamespace(client, ctx.args[0]!)
    const name = text(ctx.values, 'name')
    const type = text(ctx.values, 'type')
    const query = { namespace_id: ns.id, ...(name !== undefined && { name }) }
    return list(
      ctx,
      COLUMNS,
      (q) => client.paginateHwm({ ...query, ...q }),
      (q) => client.iterateHwm({ ...query, ...q }),
      (h) => type === undefined || h.type === type,
    )
  },
}

export const hwmGet: Command = {
  name: 'hwm get',
  args: ['NS', 'NAME'],
  options: [],
  summary: 'show an HWM',
  help: `NS and NAME are names, or ids when all digits. --json prints the value exactly.

Examples:
  horizon hwm get etl_sales orders_offset
  horizon hwm get etl_sales orders_offset --json | jq .value`,
  async run(ctx) {
    const client = await ctx.client()
    const hwm = await findHwm(client, await findNamespace(client, ctx.args[0]!), ctx.args[1]!)
    print(ctx.io, ctx.json, hwm, { kind: 'record' })
    return 0
  },
}

/** VALUE as JSON (exact), or stdin's JSON for `-`. */
async function readValue(arg: string, stdin: NodeJS.ReadableStream): Promise<JsonValue> {
  const source = arg === '-' ? await readAll(stdin) : arg
  try {
    return parseJson(source) as JsonValue
  } catch (e) {
    throw new InputError(
      `VALUE is not JSON (${(e as Error).message}); a string needs JSON quotes, e.g. '"2024-01-31"'${arg === '-' ? ' (read from stdin)' : ''}`,
    )
  }
}

export const hwmSet: Command = {
  name: 'hwm set',
  args: ['NS', 'NAME', 'VALUE'],
  options: ['type', 'description', 'entity', 'expression'],
  summary: 'create an HWM or update its value',
  help: `VALUE is JSON: 42, 18446744073709551616 (kept exact), '"2024-01-31"', '{"a":1}'; or - to read it from stdin.
An existing HWM is updated (with the options given); a new one is created and needs --type.

Options:
  --type TYPE           e.g. column_int, column_datetime (required to create)
  --description TEXT
  --entity TEXT         the table or source the HWM tracks
  --expression TEXT     the column or expression

Examples:
  horizon hwm set etl_sales orders_offset 1733080000123456789 --type column_int
  horizon hwm set etl_sales orders_offset 1733080000123456790
  echo '{"partition": 7}' | horizon hwm set etl_sales state - --type custom`,
  async run(ctx) {
    const [nsArg, name, valueArg] = ctx.args as [string, string, string]
    const value = await readValue(valueArg, ctx.io.stdin)
    const fields = Object.fromEntries(
      ['type', 'description', 'entity', 'expression'].flatMap((k) => {
        const v = text(ctx.values, k)
        return v === undefined ? [] : [[k, v]]
      }),
    ) as { type?: string; description?: string; entity?: string; expression?: string }
    const client = await ctx.client()
    const ns = await findNamespace(client, nsArg)
    const existing = /^\d+$/.test(name) ? await findHwm(client, ns, name) : await findHwmByName(client, ns.id, name)
    let hwm: HWMResponseV1
    if (existing) hwm = await client.updateHwm(existing.id, { ...fields, value })
    else {
      if (fields.type === undefined) throw new UsageError(`HWM "${name}" does not exist: give --type to create it`)
      hwm = await client.createHwm({ namespace_id: ns.id, name, ...fields, type: fields.type, value })
    }
    const action = existing ? 'updated' : 'created'
    print(ctx.io, ctx.json, hwm, { kind: 'text', text: (h: HWMResponseV1) => `${action}\n${record(h)}` })
    return 0
  },
}

export const hwmDelete: Command = {
  name: 'hwm delete',
  args: ['NS', 'NAME'],
  options: [],
  summary: 'delete an HWM',
  help: `Examples:
  horizon hwm delete etl_sales orders_offset`,
  async run(ctx) {
    const client = await ctx.client()
    const ns = await findNamespace(client, ctx.args[0]!)
    const hwm = await findHwm(client, ns, ctx.args[1]!)
    await client.deleteHwm(hwm.id)
    print(
      ctx.io,
      ctx.json,
      { deleted: hwm.name, id: hwm.id, namespace: ns.name },
      { kind: 'text', text: () => `deleted HWM ${hwm.name} from ${ns.name}\n` },
    )
    return 0
  },
}

export const hwmHistory: Command = {
  name: 'hwm history',
  args: ['NS', 'NAME'],
  options: ['page', 'page-size', 'all'],
  summary: "an HWM's changes, newest first",
  help: `Options:
  --page N, --page-size N, --all

Examples:
  horizon hwm history etl_sales orders_offset
  horizon hwm history etl_sales orders_offset --all --json`,
  async run(ctx) {
    const client = await ctx.client()
    const hwm = await findHwm(client, await findNamespace(client, ctx.args[0]!), ctx.args[1]!)
    return list(
      ctx,
      ['id', 'action', 'value', 'type', 'changed_by', 'changed_at'],
      (q) => client.paginateHwmHistory({ hwm_id: hwm.id, ...q }),
      (q) => client.iterateHwmHistory({ hwm_id: hwm.id, ...q }),
    )
  },
}

export const hwmCopy: Command = {
  name: 'hwm copy',
  args: ['SRC', 'DST', 'NAMES...'],
  options: ['with-history'],
  summary: 'copy HWMs to another namespace',
  help: `Copies the named HWMs of namespace SRC into namespace DST (one request: all or none).

Options:
  --with-history     copy each HWM's history too

Examples:
  horizon hwm copy etl_sales etl_sales_staging orders_offset customers_offset
  horizon hwm copy 1 2 5 6 --with-history --json`,
  async run(ctx) {
    const [srcArg, dstArg, ...names] = ctx.args as [string, string, ...string[]]
    const client = await ctx.client()
    const src = await findNamespace(client, srcArg)
    const dst = await findNamespace(client, dstArg)
    const hwms = []
    for (const name of names) hwms.push(await findHwm(client, src, name))
    const copied = await client.bulkCopyHwm({
      source_namespace_id: src.id,
      target_namespace_id: dst.id,
      hwm_ids: hwms.map((h) => h.id),
      with_history: ctx.values['with-history'] === true,
    })
    print(ctx.io, ctx.json, copied.hwms, { kind: 'table', columns: COLUMNS })
    return 0
  },
}
