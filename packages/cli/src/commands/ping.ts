/** `horizon ping`: is the server up. */
import type { Command } from '../command.js'
import { print } from '../output.js'

export const ping: Command = {
  name: 'ping',
  args: [],
  options: [],
  auth: false,
  summary: 'check that the server answers',
  help: `Calls GET /monitoring/ping; no login needed.

Examples:
  horizon ping --url http://127.0.0.1:8000
  horizon ping --json`,
  async run(ctx) {
    const answer = await (await ctx.client()).ping()
    print(ctx.io, ctx.json, answer, { kind: 'text', text: (a: { status: string }) => `${a.status}\n` })
    return 0
  },
}
