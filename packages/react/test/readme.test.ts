// The README's "Every hook" table names every hook the package exports: a new hook without a row fails here.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HorizonClient, operations } from '@horizon-ts/core'
import { checksOf } from '@horizon-ts/core/constraints'
import { horizonKeys, horizonReads } from '@horizon-ts/core/query'
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

/** A key after `'horizon', scope`, as the README writes it: ids by their field name, query objects as `query`. */
function written(key: readonly unknown[]): string {
  const names: Record<number, string> = { 7: 'namespace_id', 8: 'hwm_id', 9: 'id' }
  return key
    .slice(2)
    .map((part) =>
      typeof part === 'string' ? `'${part}'` : typeof part === 'number' ? (names[part] ?? String(part)) : 'query',
    )
    .join(', ')
}

test('the key column of every read hook is the key its factory builds', () => {
  const keys = horizonKeys(new HorizonClient({ baseUrl: 'http://h' })) as unknown as Record<
    string,
    (...args: unknown[]) => readonly unknown[]
  >
  const section = readme.split(/^## /m).find((s) => s.startsWith('Every hook'))!
  let checked = 0
  for (const line of section.split('\n')) {
    const m = /^\|\s*`use(?:Suspense)?(\w+)`\s*\|[^|]*\|\s*`([^`]*)`\s*\|/.exec(line)
    const factory = m && m[1]![0]!.toLowerCase() + m[1]!.slice(1)
    if (!m || !factory || !(factory in horizonReads)) continue
    const { operation } = horizonReads[factory as keyof typeof horizonReads]
    const { method, path } = operations[operation]
    const args = checksOf(method, path).query ? [{ namespace_id: 7, hwm_id: 8 }] : [9]
    expect(m[2], `the key of use${m[1]}`).toBe(written(keys[factory]!(...args)))
    checked++
  }
  expect(checked).toBe(Object.keys(horizonReads).length + 9) // and a Suspense row for each one-piece read
})
