import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without declarations
import { checkTsdoc } from '../../../scripts/tsdoc-check.mjs'

type Missing = { entry: string; name: string; missing: 'summary' | 'example' }
const check = checkTsdoc as (files: string[], options?: { cwd?: string }) => Missing[]
const root = fileURLToPath(new URL('../../..', import.meta.url))
const entries = [
  'packages/core/src/index.ts',
  'packages/core/src/entries/constraints.ts',
  'packages/core/src/entries/json.ts',
  'packages/core/src/entries/query.ts',
  'packages/core/src/entries/schemas.ts',
  'packages/core/src/entries/oidc.ts',
  'packages/core/src/entries/bff.ts',
  'packages/react/src/index.ts',
  'packages/server/src/index.ts',
]

describe('tsdoc-check', () => {
  it('finds nothing missing on the source entries of the three packages', () => {
    expect(check(entries, { cwd: root })).toEqual([])
  }, 60_000)

  it('reports an undocumented export, a function without example and an undocumented option', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tsdoc-'))
    try {
      const file = path.join(dir, 'entry.ts')
      writeFileSync(
        file,
        [
          'export const bare = 1',
          '/** Doubles. */',
          'export function double(n: number): number { return n * 2 }',
          '/** Options. */',
          'export interface ThingOptions { size?: number }',
        ].join('\n'),
      )
      expect(
        check([file], { cwd: dir })
          .map((m) => `${m.name}: ${m.missing}`)
          .sort(),
      ).toEqual(['ThingOptions.size: summary', 'bare: summary', 'double: example'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
