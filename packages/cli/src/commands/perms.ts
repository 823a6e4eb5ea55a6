/** `horizon perms get|set`. */
import type { NamespaceUserRole } from '@horizon-ts/core'
import type { Command } from '../command.js'
import { UsageError } from '../errors.js'
import { findNamespace } from '../lookup.js'
import { print } from '../output.js'

const ROLES = ['DEVELOPER', 'MAINTAINER', 'OWNER']

export const permsGet: Command = {
  name: 'perms get',
  args: ['NS'],
  options: [],
  summary: "a namespace's users and their roles",
  help: `Examples:
  horizon perms get etl_sales
  horizon perms get etl_sales --json`,
  async run(ctx) {
    const client = await ctx.client()
    const ns = await findNamespace(client, ctx.args[0]!)
    const answer = await client.getNamespacePermissions(ns.id)
    print(ctx.io, ctx.json, answer.permissions, { kind: 'table', columns: ['username', 'role'] })
    return 0
  },
}

export const permsSet: Command = {
  name: 'perms set',
  args: ['NS', 'USER', 'ROLE'],
  options: [],
  summary: 'give a user a role in a namespace, or take it away',
  help: `ROLE is ${ROLES.join(', ')} (any case), or none to remove the user's role.
Giving OWNER hands the namespace over.

Examples:
  horizon perms set etl_sales carol MAINTAINER
  horizon perms set etl_sales carol none`,
  async run(ctx) {
    const [nsArg, username, roleArg] = ctx.args as [string, string, string]
    const upper = roleArg.toUpperCase()
    if (upper !== 'NONE' && !ROLES.includes(upper))
      throw new UsageError(`ROLE must be one of ${ROLES.join(', ')} or none, not "${roleArg}"`)
    const role = upper === 'NONE' ? null : (upper as NamespaceUserRole)
    const client = await ctx.client()
    const ns = await findNamespace(client, nsArg)
    const answer = await client.updateNamespacePermissions(ns.id, { permissions: [{ username, role }] })
    print(ctx.io, ctx.json, answer.permissions, { kind: 'table', columns: ['username', 'role'] })
    return 0
  },
}
