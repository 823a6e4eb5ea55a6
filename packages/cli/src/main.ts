/**
 * `run(argv, io)`: one invocation of `horizon`, from its arguments to its exit code. Arguments are
 * parsed by `node:util`'s `parseArgs`, with every command's options in one table; a command then
 * refuses the options that are not its own.
 */
import { parseArgs } from 'node:util'
import { HorizonError } from '@horizon-ts/core'
import pkg from '../package.json' with { type: 'json' }
import type { Command, Context, Values } from './command.js'
import { COMMANDS, GROUPS } from './commands/index.js'
import { type Connection, clientFor, resolveConnection, secretsOf } from './connection.js'
import { UsageError } from './errors.js'
import { exitCodeOf } from './exit-codes.js'
import { commandHelp, groupHelp, mainHelp } from './help.js'
import type { Io } from './io.js'

const OPTIONS = {
  url: { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string' },
  token: { type: 'string' },
  profile: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  name: { type: 'string' },
  type: { type: 'string' },
  description: { type: 'string' },
  entity: { type: 'string' },
  expression: { type: 'string' },
  page: { type: 'string' },
  'page-size': { type: 'string' },
  all: { type: 'boolean' },
  'with-history': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'on-clash': { type: 'string' },
} as const

/** Options every command takes. */
const GLOBAL = ['url', 'user', 'password', 'token', 'profile', 'json', 'help']

/** Replaces each secret in a message (a password or token should never reach it; this makes sure). */
function redact(message: string, secrets: readonly string[]): string {
  let out = message
  // Shorter than 3 characters, a "secret" would blank out letters of every message: no real password is.
  for (const s of secrets) if (s.length >= 3) out = out.split(s).join('[REDACTED]')
  return out
}

/** The command the positionals name, and the positionals after its words. */
function findCommand(positionals: string[]): { cmd?: Command; args: string[]; group?: string } {
  const [first, second] = positionals
  if (first !== undefined && GROUPS.includes(first)) {
    const cmd = COMMANDS.find((c) => c.name === `${first} ${second}`)
    return cmd ? { cmd, args: positionals.slice(2) } : { group: first, args: positionals.slice(1) }
  }
  return { cmd: COMMANDS.find((c) => c.name === first), args: positionals.slice(1) }
}

/** Refuses options the command does not take. */
function checkOptions(cmd: Command, values: Values): void {
  for (const key of Object.keys(values))
    if (values[key] !== undefined && !GLOBAL.includes(key) && !cmd.options.includes(key))
      throw new UsageError(`horizon ${cmd.name} takes no --${key}`)
}

/** Refuses a wrong number of arguments. */
function checkArgs(cmd: Command, args: string[]): void {
  const variadic = cmd.args.at(-1)?.endsWith('...') ?? false
  const enough = args.length >= cmd.args.length
  if (!enough || (!variadic && args.length > cmd.args.length)) {
    const missing = cmd.args[args.length]
    throw new UsageError(
      enough
        ? `Too many arguments: ${args.slice(cmd.args.length).join(' ')}`
        : `Missing ${missing?.replace('...', '')}`,
    )
  }
}

/**
 * Runs `horizon` with `argv` (the arguments after the program name); resolves the exit code.
 * @example `const code = await run(['hwm', 'get', 'etl', 'offset', '--json'], { stdout, stderr, stdin, env, isTTY })`
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let connection: Connection | undefined
  // Secrets given on the command line or in the environment, kept out of every message.
  const given = [io.env.HORIZON_PASSWORD, io.env.HORIZON_TOKEN]
  argv.forEach((a, i) => {
    const m = /^--(password|token)(?:=(.*))?$/.exec(a)
    if (m) given.push(m[2] ?? argv[i + 1])
  })
  let cmdName: string | undefined
  try {
    let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>>
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
    } catch (e) {
      throw new UsageError((e as Error).message)
    }
    const values = parsed.values as Values
    if (values.version) {
      io.stdout.write(`${pkg.version}\n`)
      return 0
    }
    const { positionals } = parsed
    if (positionals[0] === 'help') positionals.shift()
    const help = values.help === true || argv[0] === 'help'
    const { cmd, args, group } = findCommand(positionals)
    if (!cmd) {
      if (group !== undefined && (help || positionals.length === 1)) {
        io.stdout.write(groupHelp(group))
        return help ? 0 : 2
      }
      if (positionals.length === 0) {
        io.stdout.write(mainHelp())
        return help ? 0 : 2
      }
      throw new UsageError(`Unknown command: ${positionals.slice(0, group ? 2 : 1).join(' ')}`)
    }
    cmdName = cmd.name
    checkOptions(cmd, values)
    if (help) {
      io.stdout.write(commandHelp(cmd))
      return 0
    }
    checkArgs(cmd, args)
    let client: ReturnType<typeof clientFor> | undefined
    const ctx: Context = {
      io,
      json: values.json === true,
      values,
      args,
      async client() {
        connection ??= await resolveConnection(values, io, cmd.auth !== false)
        client ??= clientFor(connection)
        return client
      },
    }
    return (await cmd.run(ctx)) ?? 0
  } catch (error) {
    const code = exitCodeOf(error)
    let message = error instanceof Error ? error.message : String(error)
    if (error instanceof HorizonError && error.requestId) message += ` (request id ${error.requestId})`
    if (code === 2) message += `\nSee: horizon ${cmdName ?? ''}${cmdName ? ' ' : ''}--help`
    const secrets = [...given, ...secretsOf(connection)].filter((s): s is string => !!s)
    io.stderr.write(`horizon: ${redact(message, secrets)}\n`)
    return code
  }
}

/**
 * Runs `horizon` in this process, with its arguments, streams and environment; resolves the exit code.
 * @example `process.exitCode = await runProcess()`
 */
export function runProcess(): Promise<number> {
  // `horizon … | head`: a closed pipe ends the output, not the program with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e
  })
  return run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    isTTY: { stdin: !!process.stdin.isTTY, stderr: !!process.stderr.isTTY },
  })
}
