// A command started as a terminal starts a foreground job: in a process group of its own (so a
// SIGINT to the group reaches every process, as Ctrl-C does), from the repo root, its stdout and
// stderr collected together.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * Starts `command args` in its own group. `output()` is what it printed so far; `exited` resolves on
 * 'close', not 'exit': the output is complete only once every process of the group has closed it
 * (pnpm printed its ERR_PNPM line after npm had exited). `ready(text, ms)` resolves true once the
 * output holds `text`, false if the group ends first or `ms` pass.
 */
export function startGroup(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (d) => {
    out += d
  })
  child.stderr.on('data', (d) => {
    out += d
  })
  const exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })))
  const ready = (text, ms) =>
    Promise.race([
      (async () => {
        while (!out.includes(text)) await new Promise((r) => setTimeout(r, 100))
        return true
      })(),
      exited.then(() => false),
      new Promise((r) => setTimeout(() => r(false), ms).unref()),
    ])
  return { child, output: () => out, exited, ready, signal: (name) => process.kill(-child.pid, name) }
}
