/** A password read from the terminal without echoing it. */
import { createInterface } from 'node:readline'
import { UsageError } from './errors.js'
import type { Io } from './io.js'

/** Backspaces (DEL) typed in raw mode take back the character before them. */
const erase = (line: string) => [...line].reduce((s, c) => (c === '\x7f' || c === '\b' ? s.slice(0, -1) : s + c), '')

/**
 * Asks on stderr and reads one line from stdin. A terminal in raw mode does not echo what is typed
 * (and readline, without an output, writes nothing back); Ctrl-C cancels.
 */
export function promptHidden(io: Io, question: string): Promise<string> {
  const tty = io.stdin as Partial<NodeJS.ReadStream>
  const raw = typeof tty.setRawMode === 'function'
  if (raw) tty.setRawMode!(true)
  io.stderr.write(question)
  const rl = createInterface({ input: io.stdin, terminal: false })
  return new Promise((resolve, reject) => {
    let answered = false
    rl.once('line', (line) => {
      answered = true
      if (raw) tty.setRawMode!(false)
      rl.close()
      io.stderr.write('\n')
      if (line.includes('\x03')) reject(new UsageError('Cancelled'))
      else resolve(erase(line))
    })
    rl.once('close', () => {
      if (raw && !answered) tty.setRawMode!(false)
      if (!answered) reject(new UsageError('No password given'))
    })
  })
}
