/** `horizon ns list|get|create|update|delete|history`. */
import { type Command, text } from '../command.js'
import { UsageError } from '../errors.js'
import { list } from '../listing.js'
import { findNamespace } from '../lookup.js'
import { print } from '../output.js'

const PAGING = ['page', 'page-size', 'all']
const COLUMNS = ['id', 'name', 'owned_by', 'description', 'changed_at']

export const nsList: Command = {
  name: 'ns list',
  args: [],
  options: ['name', ...PAGING],
  summary: 'list namespaces',
  help: `Options:
  --name NAME        only the namespace of that exact name
  --page N           which page (default 1)
  --page-size N      namespaces per page
  --all              every page

Examples:
  horizon ns list
  horizon ns list --all --json`,
  async run(ctx) {
    const client = await ctx.client()
    const name = text(ctx.values, 'name')
    const filter = name === undefined ? {} : { name }
    return list(
      ctx,
      COLUMNS,
      (q) => client.paginateNamespaces({ ...filter, ...q }),
      (q) => client.iterateNamespaces({ ...filter, ...q }),
    )
  },
}

export const nsGet: Command = {
  name: 'ns get',
  args: ['NS'],
  options: [],
  summary: 'show a namespace',
  help: `NS is a name, or an id when all digits.

Examples:
  horizon ns get etl_sales
  horizon ns get 3 --json`,
  async run(ctx) {
    print(ctx.io, ctx.json, await findNamespace(await ctx.client(), ctx.args[0]!), { kind: 'record' })
    return 0
  },
}

export const nsCreate: Command = {
  name: 'ns create',
  args: ['NAME'],
  options: ['description'],
  summary: 'create a namespace',
  help: `Options:
  --description TEXT

Examples:
  horizon ns create etl_orders --description "orders pipeline"`,
  async run(ctx) {
    const description = text(ctx.values, 'description')
    const ns = await (await ctx.client()).createNamespace({
      name: ctx.args[0]!,
      ...(description !== undefined && { description }),
    })
    print(ctx.io, ctx.json, ns, { kind: 'record' })
    return 0
  },
}

export const nsUpdate: Command = {
  name: 'ns update',
  args: ['NS'],
  options: ['name', 'description'],
  summary: 'rename a namespace or change its description',
  help: `Options:
  --name NEW_NAME
  --description TEXT

Examples:
  horizon ns update etl_orders --description "orders, hourly"
  horizon ns update etl_orders --name etl_orders_v2`,
  async run(ctx) {
    const name = text(ctx.values, 'name')
    const description = text(ctx.values, 'description')
    if (name === undefined && description === undefined) throw new UsageError('Give --name or --description')
    const client = await ctx.client()
    const ns = await findNamespace(client, ctx.args[0]!)
    const updated = await client.updateNamespace(ns.id, {
      ...(name !== undefined && { name }),
      ...(description !== undefined && { description }),
    })
    print(ctx.io, ctx.json, updated, { kind: 'record' })
    return 0
  },
}

export const nsDelete: Command = {
  name: 'ns delete',
  args: ['NS'],
  options: [],
  summary: 'delete a namespace (it must have no HWMs)',
  help: `Examples:
  horizon ns delete etl_orders`,
  async run(ctx) {
    const client = await ctx.client()
    const ns = await findNamespace(client, ctx.args[0]!)
    await client.deleteNamespace(ns.id)
    print(
      ctx.io,
      ctx.json,
      { deleted: ns.name, id: ns.id },
      { kind: 'text', text: () => `deleted namespace ${ns.name}\n` },
    )
    return 0
  },
}

export const nsHistory: Command = {
  name: 'ns history',
  args: ['NS'],
  options: PAGING,
  summary: "a namespace's changes",
  help: `Options:
  --page N, --page-size N, --all

Examples:
  horizon ns history etl_sales
  horizon ns history etl_sales --all --json`,
  async run(ctx) {
    const client = await ctx.client()
    const ns = await findNamespace(client, ctx.args[0]!)
    return list(
      ctx,
      ['id', 'action', 'name', 'description', 'owned_by', 'changed_by', 'changed_at'],
      (q) => client.paginateNamespaceHistory({ namespace_id: ns.id, ...q }),
      (q) => client.iterateNamespaceHistory({ namespace_id: ns.id, ...q }),
    )
  },
}
