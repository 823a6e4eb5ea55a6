// The README's "Every hook" table names every hook the package exports: a new hook without a row fails here.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import * as react from '../src/index.js'

const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8')

/** The hook names in the first column of the "## Every hook" table. */
function tableHooks(): Set<string> {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Every hook'))
  expect(section, 'README.md has a "## Every hook" section').toBeDefined()
  const names = new Set<string>()
  for (const line of section!.split('\n')) {
    const m = /^\|\s*`(use\w+)`\s*\|/.exec(line)
    if (m) names.add(m[1]!)
  }
  return names
}

test('every exported hook has a row in the README table, and every row is an exported hook', () => {
  const exported = Object.keys(react)
    .filter((name) => /^use[A-Z]/.test(name) && typeof (react as Record<string, unknown>)[name] === 'function')
    .sort()
  const documented = [...tableHooks()].sort()
  expect(exported.length).toBeGreaterThan(30)
  expect(
    exported.filter((name) => !documented.includes(name)),
    'exported hooks missing from the README',
  ).toEqual([])
  expect(
    documented.filter((name) => !exported.includes(name)),
    'README rows that are not exported hooks',
  ).toEqual([])
})
