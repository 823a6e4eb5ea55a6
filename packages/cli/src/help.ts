/** `horizon --help` and `horizon COMMAND --help`. */
import type { Command } from './command.js'
import { COMMANDS } from './commands/index.js'

const CONNECTION = `Connection (each: the flag, else the environment variable, else the profile):
  --url URL            HORIZON_URL        the server, e.g. https://horizon.example.com
  --user NAME          HORIZON_USER       log in with a password...
  --password PASSWORD  HORIZON_PASSWORD   ...from the environment, or asked for on a terminal
                                          (a password on the command line shows in ps and shell history)
  --token TOKEN        HORIZON_TOKEN      or an access token instead
  --profile NAME       HORIZON_PROFILE    a profile of the config file ($HORIZON_CONFIG, else
                                          $XDG_CONFIG_HOME/horizon/config.json, else ~/.config/horizon/config.json)
Output:
  --json               exact JSON on stdout (integers beyond 2^53 keep every digit)
  -h, --help           this help`

/** The usage line of a command. */
export const usage = (cmd: Command) =>
  `horizon ${cmd.name}${cmd.args.map((a) => ` ${a}`).join('')}${cmd.options.length ? ' [options]' : ''}`

/** The help of one command. */
export function commandHelp(cmd: Command): string {
  return `Usage: ${usage(cmd)}\n\n${cmd.summary[0]!.toUpperCase()}${cmd.summary.slice(1)}.\n\n${cmd.help}\n\n${CONNECTION}\n`
}

/** The help of a group (`horizon hwm --help`): its commands. */
export function groupHelp(group: string): string {
  const cmds = COMMANDS.filter((c) => c.name.startsWith(`${group} `))
  return `Usage: horizon ${group} COMMAND\n\n${list(cmds)}\nhorizon ${group} COMMAND --help for a command's options and examples.\n`
}

const list = (cmds: readonly Command[]) => {
  const width = Math.max(...cmds.map((c) => usage(c).length))
  return cmds.map((c) => `  ${usage(c).padEnd(width)}  ${c.summary}\n`).join('')
}

/** `horizon --help`. */
export function mainHelp(): string {
  return `horizon: a command line for the Horizon HWM store.

Usage: horizon COMMAND [ARGS] [options]

Commands:
${list(COMMANDS)}
NS and NAME are names, or ids when all digits.

${CONNECTION}

Exit codes: 0 ok, 1 unexpected or server error, 2 usage error, 3 not found,
4 permission denied or login refused, 5 invalid (refused by the checks, 400, 409, 422), 6 network or timeout.

Examples:
  export HORIZON_URL=http://127.0.0.1:8000 HORIZON_USER=alice
  horizon hwm get etl_sales orders_offset
  horizon hwm set etl_sales orders_offset 1733080000123456789
  horizon export etl_sales > etl_sales.json

horizon COMMAND --help for a command's options and examples.
`
}
