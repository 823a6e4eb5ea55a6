/** The README documents every command with an example, and the exit codes the CLI returns. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../src/commands/index.js'
import { EXIT } from '../src/exit-codes.js'
import { horizon } from './helpers.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const shLines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'))

describe('README', () => {
  it('has an sh example of every command', () => {
    for (const cmd of COMMANDS)
      expect(
        shLines.some((l) => new RegExp(`(^|[|(] *|^\\S+=\\S+ )horizon ${cmd.name}( |$)`).test(l.trim())),
        cmd.name,
      ).toBe(true)
  })
  it('every example is a command line the CLI accepts (its words and options)', async () => {
    const examples = shLines.map((l) => l.replace(/#.*$/, '').trim()).filter((l) => /(^|\| )horizon \w/.test(l))
    expect(examples.length).toBeGreaterThan(30)
    for (const line of examples)
      for (const part of line
        .split('|')
        .map((p) => p.trim())
        .filter((p) => p.startsWith('horizon '))) {
        // Words up to a redirection; quoted arguments as one word. --help answers for a known
        // command only after the options have parsed.
        const words = [...part.replace(/[<>].*$/, '').matchAll(/'[^']*'|"[^"]*"|\S+/g)].map((m) => m[0]).slice(1)
        const r = await horizon([...words, '--help'])
        expect(r.stderr, part).toBe('')
        expect(r.stdout, part).toMatch(/^Usage: horizon /)
      }
  })
  it('the exit code table is the CLI’s', () => {
    const rows = [...readme.matchAll(/^\| ([0-6])\s+\| ([^|]+?)\s+\|/gm)].map((m) => Number(m[1]))
    expect(rows).toEqual(Object.values(EXIT))
  })
})
