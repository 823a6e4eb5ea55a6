import type { HorizonServer } from '@horizon-ts/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoServer, horizon } from './helpers.js'

let server: HorizonServer
let env: (user?: string) => Record<string, string>
beforeAll(async () => {
  ;({ server, env } = await demoServer())
})
afterAll(() => server.close())

const ok = async (args: string[], user?: string, stdin?: string) => {
  const r = await horizon(args, { env: env(user), ...(stdin !== undefined && { stdin }) })
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return r.stdout
}
const json = async (args: string[], user?: string, stdin?: string) =>
  JSON.parse(await ok([...args, '--json'], user, stdin))

describe('ping and whoami', () => {
  it('ping answers ok without logging in, as text and as JSON', async () => {
    expect(await horizon(['ping', '--url', server.url])).toEqual({ code: 0, stdout: 'ok\n', stderr: '' })
    expect(JSON.parse((await horizon(['ping', '--json', '--url', server.url])).stdout)).toEqual({ status: 'ok' })
  })
  it('whoami shows the user as field lines and as JSON', async () => {
    expect(await ok(['whoami'])).toMatch(/^id\s+2\nusername\s+alice\n$/)
    expect(await json(['whoami'])).toEqual({ id: 2, username: 'alice' })
  })
})

describe('ns', () => {
  it('list: a table with a header, JSON an array of the namespaces; --name filters, --all reads every page', async () => {
    const table = await ok(['ns', 'list'])
    expect(table.split('\n')[0]).toMatch(/^ID\s+NAME\s+OWNED_BY\s+DESCRIPTION\s+CHANGED_AT$/)
    expect(table).toMatch(/\n1\s+etl_sales\s+alice\s/)
    const all = await json(['ns', 'list'])
    expect(all.map((n: { name: string }) => n.name)).toContain('sandbox')
    expect(await json(['ns', 'list', '--name', 'sandbox'])).toMatchObject([{ name: 'sandbox', owned_by: 'bob' }])
    const paged = await ok(['ns', 'list', '--page-size', '2'])
    expect(paged).toMatch(/page 1 of 3, 5 in all/)
    expect(await json(['ns', 'list', '--page-size', '2', '--page', '3'])).toHaveLength(1)
    expect(await json(['ns', 'list', '--all', '--page-size', '2'])).toEqual(all)
  })
  it('create, get (by name and by id), update, history, delete', async () => {
    const created = await json(['ns', 'create', 'cli_ns', '--description', 'made by the CLI'])
    expect(created).toMatchObject({ name: 'cli_ns', description: 'made by the CLI', owned_by: 'alice' })
    expect(await ok(['ns', 'get', 'cli_ns'])).toMatch(/^id\s+\d+\nname\s+cli_ns\ndescription\s+made by the CLI\n/)
    expect(await json(['ns', 'get', String(created.id)])).toEqual(created)
    expect(await json(['ns', 'update', 'cli_ns', '--description', 'changed'])).toMatchObject({ description: 'changed' })
    expect(await json(['ns', 'update', 'cli_ns', '--name', 'cli_ns2'])).toMatchObject({ name: 'cli_ns2' })
    const history = await json(['ns', 'history', 'cli_ns2'])
    expect(history).toHaveLength(3)
    expect(await ok(['ns', 'history', 'cli_ns2'])).toMatch(/^ID\s+ACTION\s+NAME/)
    expect(await ok(['ns', 'delete', 'cli_ns2'])).toBe('deleted namespace cli_ns2\n')
    const gone = await horizon(['ns', 'get', 'cli_ns2'], { env: env() })
    expect(gone).toEqual({ code: 3, stdout: '', stderr: 'horizon: Namespace "cli_ns2" not found\n' })
    expect((await horizon(['ns', 'get', '999'], { env: env() })).code).toBe(3)
  })
  it('ns update with nothing to change is a usage error (2)', async () => {
    const r = await horizon(['ns', 'update', 'etl_sales'], { env: env() })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/Give --name or --description/)
  })
  it('an existing name is refused as invalid (5); a namespace with HWMs cannot be deleted (5)', async () => {
    expect((await horizon(['ns', 'create', 'etl_sales'], { env: env() })).code).toBe(5)
    expect((await horizon(['ns', 'delete', 'etl_sales'], { env: env() })).code).toBe(5)
  })
})

describe('hwm', () => {
  it('set creates with --type, then updates; get shows the value exactly in the table and in JSON', async () => {
    const created = await horizon(
      ['hwm', 'set', 'etl_sales', 'cli_offset', '1733080000123456789', '--type', 'column_int', '--entity', 'orders'],
      { env: env() },
    )
    expect(created.code).toBe(0)
    expect(created.stdout).toMatch(/^created\n/)
    expect(created.stdout).toMatch(/\nvalue\s+1733080000123456789\n/)
    const updated = await ok(['hwm', 'set', 'etl_sales', 'cli_offset', '18446744073709551616'])
    expect(updated).toMatch(/^updated\n[\s\S]*\nvalue\s+18446744073709551616\nentity\s+orders\n/)
    const text = await ok(['hwm', 'get', 'etl_sales', 'cli_offset', '--json'])
    expect(text).toMatch(/"value": 18446744073709551616,/)
    expect(await ok(['hwm', 'get', 'etl_sales', 'cli_offset'])).toMatch(/\nvalue\s+18446744073709551616\n/)
  })
  it('set - reads the value from stdin; a string value is shown as JSON', async () => {
    await ok(
      ['hwm', 'set', 'etl_sales', 'cli_state', '-', '--type', 'custom'],
      undefined,
      '{"partition": 1733080000123456789}\n',
    )
    expect(await ok(['hwm', 'get', 'etl_sales', 'cli_state'])).toMatch(
      /\nvalue\s+\{"partition":1733080000123456789\}\n/,
    )
    await ok(['hwm', 'set', 'etl_sales', 'cli_state', '"2024-01-31"'])
    expect(await ok(['hwm', 'get', 'etl_sales', 'cli_state'])).toMatch(/\nvalue\s+"2024-01-31"\n/)
  })
  it('set: a new HWM without --type is a usage error (2); a VALUE that is not JSON is invalid (5)', async () => {
    const noType = await horizon(['hwm', 'set', 'etl_sales', 'cli_new', '1'], { env: env() })
    expect(noType.code).toBe(2)
    expect(noType.stderr).toMatch(/give --type/)
    const notJson = await horizon(['hwm', 'set', 'etl_sales', 'cli_offset', 'abc'], { env: env() })
    expect(notJson.code).toBe(5)
    expect(notJson.stderr).toMatch(/VALUE is not JSON/)
  })
  it("list: --name, --type, paging, --all; JSON is the page's HWMs with exact values", async () => {
    const all = await json(['hwm', 'list', 'etl_sales', '--all'])
    expect(all.length).toBeGreaterThan(50)
    const ints = await json(['hwm', 'list', 'etl_sales', '--all', '--type', 'column_int'])
    expect(ints.length).toBeGreaterThan(0)
    expect(ints.every((h: { type: string }) => h.type === 'column_int')).toBe(true)
    expect(await json(['hwm', 'list', 'etl_sales', '--name', 'cli_offset'])).toMatchObject([{ name: 'cli_offset' }])
    const raw = await ok(['hwm', 'list', 'etl_sales', '--name', 'cli_offset', '--json'])
    expect(raw).toMatch(/"value": 18446744073709551616/)
    expect(await json(['hwm', 'list', 'etl_sales', '--page-size', '5'])).toHaveLength(5)
    const table = await ok(['hwm', 'list', 'etl_sales', '--page-size', '5'])
    expect(table.split('\n')[0]).toMatch(/^ID\s+NAME\s+TYPE\s+VALUE\s+ENTITY\s+CHANGED_AT$/)
    expect(table).toMatch(/page 1 of \d+/)
  })
  it('history: the changes with exact values', async () => {
    const rows = await json(['hwm', 'history', 'etl_sales', 'cli_offset'])
    expect(rows.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['Created']))
    expect(await ok(['hwm', 'history', 'etl_sales', 'cli_offset', '--all'])).toMatch(/18446744073709551616/)
  })
  it('copy: into another namespace, by name, with history', async () => {
    await ok(['ns', 'create', 'cli_copy_target'])
    const copied = await json([
      'hwm',
      'copy',
      'etl_sales',
      'cli_copy_target',
      'cli_offset',
      'cli_state',
      '--with-history',
    ])
    expect(copied.map((h: { name: string }) => h.name).sort()).toEqual(['cli_offset', 'cli_state'])
    expect(await ok(['hwm', 'get', 'cli_copy_target', 'cli_offset'])).toMatch(/\nvalue\s+18446744073709551616\n/)
    expect((await json(['hwm', 'history', 'cli_copy_target', 'cli_offset'])).length).toBeGreaterThan(1)
    const missing = await horizon(['hwm', 'copy', 'etl_sales', 'cli_copy_target', 'nope'], { env: env() })
    expect(missing.code).toBe(3)
  })
  it('delete: by name, then the HWM is not found (3)', async () => {
    await ok(['hwm', 'set', 'etl_sales', 'cli_gone', '1', '--type', 'column_int'])
    expect(await ok(['hwm', 'delete', 'etl_sales', 'cli_gone'])).toBe('deleted HWM cli_gone from etl_sales\n')
    const r = await horizon(['hwm', 'get', 'etl_sales', 'cli_gone'], { env: env() })
    expect(r).toEqual({ code: 3, stdout: '', stderr: 'horizon: HWM "cli_gone" not found in namespace "etl_sales"\n' })
  })
  it('a DEVELOPER deleting an HWM is permission denied (4)', async () => {
    // bob is DEVELOPER in etl_sales: he may write values but not delete.
    const r = await horizon(['hwm', 'delete', 'etl_sales', 'cli_state'], { env: env('bob') })
    expect(r.code).toBe(4)
    expect(r.stderr).toMatch(/^horizon: Permission denied/)
  })
})

describe('perms', () => {
  it('get: users and roles; set: a role, then none removes it', async () => {
    await ok(['ns', 'create', 'cli_perms'])
    expect(await ok(['perms', 'get', 'cli_perms'])).toBe('USERNAME  ROLE\nalice     OWNER\n')
    expect(await json(['perms', 'set', 'cli_perms', 'carol', 'maintainer'])).toEqual([
      { username: 'alice', role: 'OWNER' },
      { username: 'carol', role: 'MAINTAINER' },
    ])
    expect(await json(['perms', 'get', 'cli_perms'])).toContainEqual({ username: 'carol', role: 'MAINTAINER' })
    await ok(['perms', 'set', 'cli_perms', 'carol', 'none'])
    expect(await json(['perms', 'get', 'cli_perms'])).toEqual([{ username: 'alice', role: 'OWNER' }])
  })
  it('an unknown role is a usage error (2); a non-owner changing roles is denied (4)', async () => {
    expect((await horizon(['perms', 'set', 'cli_perms', 'carol', 'boss'], { env: env() })).code).toBe(2)
    expect((await horizon(['perms', 'set', 'etl_sales', 'carol', 'OWNER'], { env: env('bob') })).code).toBe(4)
  })
})
