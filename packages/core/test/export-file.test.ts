/** The HWM export file shared by the admin UI and the CLI (`@horizon-ts/core/export`). */

import {
  EXPORT_FORMAT,
  exportItem,
  exportText,
  type ImportResult,
  importStep,
  importSteps,
  parseImport,
  planImport,
  runImport,
} from '@horizon-ts/core/export'
import { describe, expect, it } from 'vitest'
import type { HWMResponseV1 } from '../src/index.js'

const hwm = (name: string, value: unknown): HWMResponseV1 =>
  ({
    id: 1,
    namespace_id: 1,
    name,
    description: '',
    type: 'column_int',
    value,
    entity: null,
    expression: null,
    changed_at: '2026-12-03T10:00:00Z',
    changed_by: 'me',
  }) as HWMResponseV1

describe('the HWM export file', () => {
  it('writes and reads values digit for digit, integers beyond 2^53 included', () => {
    const text = exportText(
      'etl',
      [hwm('a', 18446744073709551616n), hwm('b', { offset: 1733080000123456789n, n: 1.5 })],
      new Date(0),
    )
    expect(text).toContain('"value": 18446744073709551616')
    expect(text).toContain('"offset": 1733080000123456789')
    const parsed = parseImport(text)
    expect(parsed).toMatchObject({ ok: true, namespace: 'etl', invalid: [] })
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.items.map((i) => i.value)).toEqual([18446744073709551616n, { offset: 1733080000123456789n, n: 1.5 }])
  })

  it('refuses what is not an export file, or another version, with a reason', () => {
    expect(parseImport('{')).toMatchObject({ ok: false, message: expect.stringMatching(/^Not JSON/) })
    expect(parseImport('{"hwms": []}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Not an HWM export/),
    })
    const v2 = JSON.stringify({ format: EXPORT_FORMAT, version: 2, hwms: [] })
    expect(parseImport(v2)).toMatchObject({ ok: false, message: expect.stringMatching(/^Export version 2/) })
  })

  it('names every invalid item and a name given twice', () => {
    const text = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      hwms: [
        { name: 'ok', type: 't', value: 1 },
        { name: '', type: 't', value: 1 },
        { name: 'ok', type: 't', value: 2 },
        { name: 'x', type: 't', extra: 1 },
      ],
    })
    const parsed = parseImport(text)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.items.map((i) => i.name)).toEqual(['ok'])
    expect(parsed.invalid).toEqual([
      { position: 2, name: '', problems: ['name: must not be empty'] },
      { position: 3, name: 'ok', problems: ['name: given twice in the file'] },
      { position: 4, name: 'x', problems: ['value: missing', 'unknown field: extra'] },
    ])
  })
})

describe('an import: plan and writes', () => {
  const kept = { ...hwm('kept', 1), id: 7 }
  const items = [exportItem(hwm('kept', 2)), exportItem(hwm('fresh', 3)), exportItem(hwm('other', 4))]

  it('splits new names from clashes; the steps create the new names first, then skip or update', () => {
    const plan = planImport(items, [kept])
    expect(plan.create.map((i) => i.name)).toEqual(['fresh', 'other'])
    expect(plan.clash).toEqual([{ item: items[0], existing: kept }])
    expect(importSteps(plan, 'skip').map((s) => s.kind)).toEqual(['create', 'create', 'skip'])
    expect(importSteps(plan, 'overwrite').at(-1)).toEqual({ kind: 'update', item: items[0], id: 7 })
    expect(importStep(items[1]!, undefined, 'overwrite')).toEqual({ kind: 'create', item: items[1] })
  })

  it('writes one at a time; a failure is reported and the rest goes on; a stop starts no further write', async () => {
    const writes: string[] = []
    const writer = {
      async create(item: { name: string }) {
        writes.push(`create ${item.name}`)
        if (item.name === 'fresh') throw new Error('refused')
      },
      async update(id: number, item: { name: string }) {
        writes.push(`update ${id} ${item.name}`)
      },
    }
    const results: ImportResult[] = []
    const steps = importSteps(planImport(items, [kept]), 'overwrite')
    await runImport(steps, writer, { onResult: (r) => results.push(r), explain: (e) => (e as Error).message })
    expect(writes).toEqual(['create fresh', 'create other', 'update 7 kept'])
    expect(results).toEqual([
      { name: 'fresh', outcome: 'failed', message: 'refused' },
      { name: 'other', outcome: 'created' },
      { name: 'kept', outcome: 'updated' },
    ])

    writes.length = 0
    const stopped: ImportResult[] = []
    await runImport(steps, writer, {
      stopped: () => stopped.length > 0,
      onResult: (r) => stopped.push(r),
      explain: String,
    })
    expect(writes).toEqual(['create fresh'])
    expect(stopped).toHaveLength(1)
  })
})
