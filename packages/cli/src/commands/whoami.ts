/** `horizon whoami`: the user the connection logs in as. */
import type { Command } from '../command.js'
import { print } from '../output.js'

export const whoami: Command = {
  name: 'whoami',
  args: [],
  options: [],
  summary: 'show the logged-in user',
  help: `Examples:
  HORIZON_PASSWORD=… horizon whoami --url http://127.0.0.1:8000 --user alice
  horizon whoami --profile prod --json`,
  async run(ctx) {
    print(ctx.io, ctx.json, await (await ctx.client()).whoami(), { kind: 'record' })
    return 0
  },
}
