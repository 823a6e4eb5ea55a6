import type { HorizonServer } from '@horizon-ts/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportText } from '../../../apps/demo/src/lib/hwm-export.js'
import { parseImport } from '../../../apps/demo/src/lib/hwm-import.js'
import { demoServer, horizon } from './helpers.js'

let server: HorizonServer
let env: Record<string, string>
beforeAll(async () => {
  const demo = await demoServer()
  server = demo.server
  env = demo.env()
  await horizon(['ns', 'create', 'cli_src'], { env })
  await horizon(['ns', 'create', 'cli_dst'], { env })
  const set = (name: string, value: string, type = 'column_int') =>
    horizon(['hwm', 'set', 'cli_src', name, value, '--type', type, '--description', `d ${name}`], { env })
  await set('big', '18446744073709551616')
  await set('nanos', '1733080000123456789')
  await set('state', '{"offsets":[18446744073709551617,-9223372036854775809],"at":"2024-01-31"}', 'custom')
  await horizon(
    [
      'hwm',
      'set',
      'cli_src',
      'dated',
      '"2024-01-31T10:00:00Z"',
      '--type',
      'column_datetime',
      '--entity',
      'sales.orders',
      '--expression',
      'updated_at',
    ],
    { env },
  )
})
afterAll(() => server.close())

const exportOf = async (ns: string) => {
  const r = await horizon(['export', ns], { env })
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return r.stdout
}

describe('export', () => {
  it("writes the admin UI's file: format, version 1, namespace, every HWM's fields, values digit for digit", async () => {
    const text = await exportOf('cli_src')
    expect(text).toMatch(
      /^\{\n {2}"format": "horizon-ts.hwm-export",\n {2}"version": 1,\n {2}"namespace": "cli_src",\n {2}"exported_at": "/,
    )
    expect(text).toContain('"value": 18446744073709551616,')
    expect(text).toContain('"value": 1733080000123456789,')
    expect(text).toContain('18446744073709551617,')
    expect(text).toContain('-9223372036854775809')
    const doc = JSON.parse(text)
    expect(doc.hwms.map((h: { name: string }) => h.name).sort()).toEqual(['big', 'dated', 'nanos', 'state'])
    expect(doc.hwms.find((h: { name: string }) => h.name === 'dated')).toEqual({
      name: 'dated',
      type: 'column_datetime',
      value: '2024-01-31T10:00:00Z',
      description: '',
      entity: 'sales.orders',
      expression: 'updated_at',
    })
  })
  it("moves between the admin UI and the CLI: the demo's importer reads our file, we import the demo's", async () => {
    // The admin UI's own code (apps/demo/src/lib), so a change of format on either side fails here.
    const text = await exportOf('cli_src')
    const parsed = parseImport(text)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.invalid).toEqual([])
    expect(parsed.namespace).toBe('cli_src')
    expect(parsed.items.find((i) => i.name === 'big')?.value).toBe(18446744073709551616n)

    const hwms = parsed.items.map((item, i) => ({
      ...item,
      id: i + 1,
      namespace_id: 1,
      changed_at: '2024-01-31T10:00:00Z',
      changed_by: 'ui',
      name: `ui_${item.name}`,
    }))
    const fromUi = exportText('from_the_ui', hwms, new Date('2024-01-31T10:00:00Z'))
    await horizon(['ns', 'create', 'cli_from_ui'], { env })
    const r = await horizon(['import', 'cli_from_ui', '--json'], { env, stdin: fromUi })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).results).toHaveLength(4)
    expect((await horizon(['hwm', 'get', 'cli_from_ui', 'ui_nanos'], { env })).stdout).toMatch(
      /\nvalue\s+1733080000123456789\n/,
    )
  })
})

describe('progress', () => {
  it('is shown on stderr when it is a terminal, never on stdout; nothing on stderr otherwise', async () => {
    const tty = { stdin: false, stderr: true }
    const exported = await horizon(['export', 'cli_src'], { env, isTTY: tty })
    expect(exported.code).toBe(0)
    expect(exported.stderr).toMatch(/export: 4 HWMs read…/)
    expect(exported.stdout).toMatch(/^\{\n/)
    const listed = await horizon(['hwm', 'list', 'etl_sales', '--all', '--json'], { env, isTTY: tty })
    expect(listed.stderr).toMatch(/50 read…/)
    expect(JSON.parse(listed.stdout).length).toBeGreaterThan(50)
    expect((await horizon(['hwm', 'list', 'etl_sales', '--all'], { env })).stderr).toBe('')
  })
})

describe('import', () => {
  it('round trip: export, import into another namespace, export again: the same HWMs digit for digit', async () => {
    const first = await exportOf('cli_src')
    const r = await horizon(['import', 'cli_dst'], { env, stdin: first })
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+OUTCOME\s+MESSAGE$/)
    expect(r.stdout.match(/ created\n/g)).toHaveLength(4)
    const second = await exportOf('cli_dst')
    const hwms = (text: string) => text.slice(text.indexOf('"hwms"'))
    expect(hwms(second)).toBe(hwms(first))
  })
  it('a clash fails by default and writes nothing (5); skip keeps, overwrite updates; per-item results in JSON', async () => {
    const file = (await exportOf('cli_src')).replace('"value": 1733080000123456789', '"value": 1733080000123456790')
    const withNew = file.replace('"hwms": [', '"hwms": [\n{"name":"fresh","type":"column_int","value":7},')
    const failed = await horizon(['import', 'cli_dst', '--json'], { env, stdin: withNew })
    expect(failed.code).toBe(5)
    const report = JSON.parse(failed.stdout)
    expect(report).toMatchObject({ namespace: 'cli_dst', dry_run: false, on_clash: 'fail' })
    expect(report.results).toContainEqual({
      name: 'big',
      outcome: 'failed',
      message: expect.stringMatching(/already exists/),
    })
    expect(report.results).toContainEqual({ name: 'fresh', outcome: 'skipped', message: expect.any(String) })
    expect((await horizon(['hwm', 'get', 'cli_dst', 'fresh'], { env })).code).toBe(3)

    const dry = await horizon(['import', 'cli_dst', '--on-clash', 'overwrite', '--dry-run', '--json'], {
      env,
      stdin: withNew,
    })
    expect(dry.code).toBe(0)
    expect(JSON.parse(dry.stdout).results).toContainEqual({ name: 'fresh', outcome: 'would create' })
    expect(JSON.parse(dry.stdout).results).toContainEqual({ name: 'nanos', outcome: 'would update' })
    expect((await horizon(['hwm', 'get', 'cli_dst', 'fresh'], { env })).code).toBe(3)

    const skipped = await horizon(['import', 'cli_dst', '--on-clash', 'skip', '--json'], { env, stdin: withNew })
    expect(skipped.code).toBe(0)
    const skipResults = JSON.parse(skipped.stdout).results
    expect(skipResults).toContainEqual({ name: 'fresh', outcome: 'created' })
    expect(skipResults).toContainEqual({ name: 'nanos', outcome: 'skipped', message: 'already exists' })
    expect((await horizon(['hwm', 'get', 'cli_dst', 'nanos'], { env })).stdout).toMatch(
      /\nvalue\s+1733080000123456789\n/,
    )

    const over = await horizon(['import', 'cli_dst', '--on-clash', 'overwrite'], { env, stdin: withNew })
    expect(over.code).toBe(0)
    expect(over.stdout).toMatch(/\nnanos\s+updated\n/)
    expect((await horizon(['hwm', 'get', 'cli_dst', 'nanos'], { env })).stdout).toMatch(
      /\nvalue\s+1733080000123456790\n/,
    )
  })
  it('a failed write is reported per item and sets the exit code; the others are written', async () => {
    // bob is DEVELOPER in etl_sales: he may create HWMs there. A type of 65 characters is over Horizon's limit.
    const text = JSON.stringify({
      format: 'horizon-ts.hwm-export',
      version: 1,
      namespace: 'x',
      exported_at: '2024-01-31T10:00:00.000Z',
      hwms: [{ name: 'cli_import_ok', type: 'column_int', value: 1 }],
    })
    const r = await horizon(['import', 'cli_src', '--json'], { env: { ...env, HORIZON_USER: 'bob' }, stdin: text })
    expect(r.code).toBe(4)
    expect(JSON.parse(r.stdout).results).toEqual([
      { name: 'cli_import_ok', outcome: 'failed', message: expect.stringMatching(/Permission denied|not/i) },
    ])
  })
  it('a file that is not an export, or has invalid items, is refused before anything is written (5)', async () => {
    const notJson = await horizon(['import', 'cli_dst'], { env, stdin: 'nope' })
    expect(notJson).toMatchObject({ code: 5, stdout: '' })
    expect(notJson.stderr).toMatch(/^horizon: Not JSON/)
    const other = await horizon(['import', 'cli_dst'], { env, stdin: '{"hwms": []}' })
    expect(other.code).toBe(5)
    expect(other.stderr).toMatch(/Not an HWM export/)
    const bad = JSON.stringify({
      format: 'horizon-ts.hwm-export',
      version: 1,
      hwms: [
        { name: 'cli_valid', type: 'column_int', value: 1 },
        { name: '', type: 'column_int', value: 1 },
        { name: 'cli_valid', type: 'column_int', value: 2 },
      ],
    })
    const invalid = await horizon(['import', 'cli_dst'], { env, stdin: bad })
    expect(invalid.code).toBe(5)
    expect(invalid.stderr).toMatch(
      /2 invalid item\(s\); nothing was written:\n {2}#2 : name: must not be empty|#2: name: must not be empty/,
    )
    expect(invalid.stderr).toMatch(/#3 cli_valid: name: given twice in the file/)
    expect((await horizon(['hwm', 'get', 'cli_dst', 'cli_valid'], { env })).code).toBe(3)
  })
  it('--on-clash takes skip, overwrite or fail only (2)', async () => {
    expect((await horizon(['import', 'cli_dst', '--on-clash', 'merge'], { env, stdin: '{}' })).code).toBe(2)
  })
})
