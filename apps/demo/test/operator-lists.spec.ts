import { readFile } from 'node:fs/promises'
import type { HorizonClient, HWMResponseV1 } from '@horizon-ts/core'
import { HORIZON_URL } from './env'
import { api, control, expect, logIn, test, tokenFor, uid } from './fixtures'

// The lists as an operator's tool: search by part of a name over every page, filter by type, sort;
// export a namespace's HWMs to a file and import it elsewhere, values exact; a failing list page.

/** Runs `jobs` with at most `limit` at once: a namespace of 120 HWMs without 120 requests in flight. */
async function limited<T>(jobs: (() => Promise<T>)[], limit = 8): Promise<T[]> {
  const results: T[] = []
  let next = 0
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++
      results[i] = await jobs[i]!()
    }
  }
  await Promise.all(Array.from({ length: limit }, worker))
  return results
}

/** 120 HWMs: every tenth named "…Needle…" (mixed case, spread over every page), types in turn. */
async function namespaceOf120(client: HorizonClient, id: string) {
  const ns = await client.createNamespace({ name: `e2e-ops-${id}`, description: 'operator lists' })
  const types = ['column_int', 'column_date', 'file_list']
  await limited(
    Array.from({ length: 120 }, (_, i) => () => {
      const n = String(i).padStart(3, '0')
      const name = i % 10 === 0 ? `job-${n}-NeedLe-${id}` : `job-${n}-plain`
      return client.createHwm({ namespace_id: ns.id, name, type: types[i % 3]!, value: i })
    }),
  )
  return ns
}

test('search by part of a name scans every page, with progress; type filter and sorting', async ({ page }) => {
  const id = uid()
  const alice = api('alice')
  const ns = await namespaceOf120(alice, id)
  // The last change of one match is the newest: first when sorted by last change.
  const newest = (await alice.paginateHwm({ namespace_id: ns.id, name: `job-050-NeedLe-${id}` })).items[0]!
  await alice.updateHwm(newest.id, { value: 5050 })

  await page.goto(`/namespaces/${ns.id}`)
  await logIn(page, 'alice')
  await expect(page.getByRole('navigation', { name: 'Pages of HWMs' })).toContainText('120 HWMs')
  await page.getByRole('searchbox', { name: 'Name contains' }).fill('needle')
  await page.getByRole('button', { name: 'Search all pages' }).click()
  const progress = page.getByRole('status', { name: 'Search progress' })
  await expect(progress).toContainText('Scanned 120 of 120 HWMs — all pages scanned · 12 matches')
  await expect(progress).toContainText('sorted in the browser')
  const table = page.getByRole('table', { name: 'HWMs' })
  const names = table.getByRole('rowheader').getByRole('link')
  // Matches from every page (the pages hold 50: 0–49, 50–99, 100–119), by name.
  await expect(names).toHaveText(
    Array.from({ length: 12 }, (_, k) => `job-${String(k * 10).padStart(3, '0')}-NeedLe-${id}`),
  )
  // The exact-name search still works beside it (the paged list comes back on "Close search").
  await expect(page.getByRole('searchbox', { name: 'Name (exact)' })).toBeVisible()

  // The type filter offers the types seen, and narrows: 0, 30, 60, 90 are column_int (i % 3 == 0).
  const type = page.getByLabel('Type', { exact: true })
  await expect(type.getByRole('option')).toHaveText(['All types', 'column_date', 'column_int', 'file_list'])
  await type.selectOption('column_int')
  await expect(names).toHaveText([0, 30, 60, 90].map((i) => `job-${String(i).padStart(3, '0')}-NeedLe-${id}`))
  await expect(progress).toContainText('4 matches')
  await type.selectOption('')

  // Sorting: by type then name, then by last change (the updated one first).
  const sort = page.getByLabel('Sort by')
  await sort.selectOption({ label: 'Type, then name' })
  await expect(table.getByRole('row').nth(1)).toContainText('column_date')
  await expect(names.first()).toHaveText(`job-010-NeedLe-${id}`)
  await expect(table.getByRole('row').last()).toContainText('file_list')
  await sort.selectOption({ label: 'Last change (newest first)' })
  await expect(names.first()).toHaveText(newest.name)
  await expect(table).toContainText('5050')

  // Narrowing further needs no new scan: the text filters the rows already read.
  await page.getByRole('searchbox', { name: 'Name contains' }).fill('no-such-name')
  await expect(names).toHaveCount(0)
  await page.getByRole('searchbox', { name: 'Name contains' }).fill('JOB-099-PLAIN')
  await expect(names).toHaveText(['job-099-plain'])

  await page.getByRole('button', { name: 'Close search' }).click()
  await expect(page.getByRole('navigation', { name: 'Pages of HWMs' })).toContainText('Page 1 of 6 · 120 HWMs')
})

test('Cancel stops a scan after the pages read so far', async ({ page }) => {
  const id = uid()
  const alice = api('alice')
  const ns = await namespaceOf120(alice, id)
  await page.goto(`/namespaces/${ns.id}`)
  await logIn(page, 'alice')
  // The scan's second page is held until the test lets it go: the scan is caught in the middle.
  let release = () => {}
  const held = new Promise<void>((r) => {
    release = r
  })
  await page.route(
    (url) =>
      url.pathname === '/v1/hwm/' && url.searchParams.get('page') === '2' && url.searchParams.get('page_size') === '50',
    async (route) => {
      await held
      await route.continue().catch(() => {})
    },
  )
  const asked: string[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.pathname === '/v1/hwm/' && url.searchParams.get('page_size') === '50')
      asked.push(url.searchParams.get('page') ?? '1')
  })
  await page.getByRole('searchbox', { name: 'Name contains' }).fill('needle')
  await page.getByRole('button', { name: 'Search all pages' }).click()
  const progress = page.getByRole('status', { name: 'Search progress' })
  await expect(progress).toContainText('Scanned 50 of 120 HWMs · 5 matches')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(progress).toContainText('Scanned 50 of 120 HWMs — cancelled')
  release()
  await expect(page.getByRole('table', { name: 'HWMs' }).getByRole('rowheader').getByRole('link')).toHaveCount(5)
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0)
  await expect(progress).not.toContainText('all pages scanned')
  // The walk stopped at the held page: the third was never asked for.
  expect(asked).toEqual(['1', '2'])
})

test('namespaces: search by part of a name and sort', async ({ page }) => {
  const id = uid()
  const admin = api('admin')
  for (const n of ['b', 'a', 'c'])
    await admin.createNamespace({ name: `zz-part-${n}-${id}`, description: 'part search' })
  await page.goto('/namespaces')
  await logIn(page, 'admin')
  await page.getByRole('searchbox', { name: 'Name contains' }).fill(id.toUpperCase())
  await page.getByRole('button', { name: 'Search all pages' }).click()
  const progress = page.getByRole('status', { name: 'Search progress' })
  await expect(progress).toContainText(/all pages scanned · 3 matches/)
  const names = page.getByRole('table', { name: 'Namespaces' }).getByRole('rowheader').getByRole('link')
  await expect(names).toHaveText(['a', 'b', 'c'].map((n) => `zz-part-${n}-${id}`))
  await page.getByLabel('Sort by').selectOption({ label: 'Last change (newest first)' })
  await expect(names).toHaveText(['c', 'a', 'b'].map((n) => `zz-part-${n}-${id}`))
  await expect(page.getByLabel('Sort by').getByRole('option')).toHaveCount(2)
})

/** Values that a `number` would change, and a name at Horizon's limit. */
const special = (id: string) => [
  { name: `big-${id}`, type: 'column_int', value: 18446744073709551616n },
  { name: `ns-time-${id}`, type: 'column_int', value: 1733080000123456789n },
  { name: `zero-${id}`, type: 'column_int', value: -0 },
  {
    name: `nested-${id}`,
    type: 'key_value_int',
    value: { a: [1, { b: 9007199254740993n, c: null }], 'é"\\': 'x', d: { e: [] } },
    description: 'nested',
    entity: 'orders',
    expression: 'max(id)',
  },
  { name: `${'n'.repeat(2048 - id.length)}${id}`, type: 'file_list', value: ['a.csv', 'b.csv'] },
]

const fields = (h: HWMResponseV1) => ({
  name: h.name,
  type: h.type,
  value: h.value,
  description: h.description,
  entity: h.entity,
  expression: h.expression,
})

async function allHwms(client: HorizonClient, namespaceId: number) {
  const rows: HWMResponseV1[] = []
  for await (const h of client.iterateHwm({ namespace_id: namespaceId })) rows.push(h)
  return rows.map(fields).sort((a, b) => (a.name < b.name ? -1 : 1))
}

test('export, then import into another namespace: names, types and values digit for digit', async ({ page }) => {
  const id = uid()
  const alice = api('alice')
  const source = await namespaceOf120(alice, id)
  for (const h of special(id)) await alice.createHwm({ namespace_id: source.id, ...h })
  // Numbers a JavaScript literal cannot hold, sent as text: Horizon keeps what it makes of them.
  const token = await tokenFor('alice')
  for (const [name, value] of [[`decimal-${id}`, '0.1000000000000000055511151231257827']]) {
    const res = await fetch(`${HORIZON_URL}/v1/hwm/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: `{"namespace_id": ${source.id}, "name": "${name}", "type": "float", "value": ${value}}`,
    })
    expect(res.status).toBe(201)
  }
  const target = await alice.createNamespace({ name: `e2e-ops-target-${id}`, description: 'import target' })

  await page.goto(`/namespaces/${source.id}`)
  await logIn(page, 'alice')
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export' }).click()
  const download = await downloading
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('status')).toContainText('Exported 126 HWMs')
  const file = await download.path()
  const text = await readFile(file, 'utf8')
  // The digits as Horizon holds them, in the file itself.
  expect(text).toContain('18446744073709551616')
  expect(text).toContain('1733080000123456789')
  expect(text).toContain('9007199254740993')
  expect(download.suggestedFilename()).toMatch(/^hwms-e2e-ops-.*\.json$/)
  await dialog.getByRole('button', { name: 'Close' }).last().click()

  // A page load starts a new session (the token is kept in memory only): log in again.
  await page.goto(`/namespaces/${target.id}`)
  await logIn(page, 'alice')
  await page.getByRole('button', { name: 'Import' }).click()
  await dialog.getByLabel('Export file (JSON)').setInputFiles(file)
  const preview = dialog.getByRole('region', { name: 'Import preview' })
  await expect(preview).toContainText('126 new HWMs will be created; 0 already exist')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText(
    'Import finished: 126 created, 0 updated, 0 skipped, 0 failed',
    {
      timeout: 30_000,
    },
  )
  expect(await allHwms(alice, target.id)).toEqual(await allHwms(alice, source.id))
})

test('import with clashes: skip keeps the old value, overwrite replaces it; invalid items are shown first', async ({
  page,
}) => {
  const id = uid()
  const alice = api('alice')
  const ns = await alice.createNamespace({ name: `e2e-clash-${id}`, description: 'clash' })
  await alice.createHwm({ namespace_id: ns.id, name: 'kept', type: 'column_int', value: 1 })
  const file = (hwms: unknown[]) => ({
    name: 'hwms.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'horizon-ts.hwm-export',
        version: 1,
        namespace: 'x',
        exported_at: '',
        hwms: hwms,
      }).replace('"BIG"', '18446744073709551616'),
    ),
  })
  const items = [
    { name: 'kept', type: 'column_int', value: 'BIG', description: 'from file', entity: null, expression: null },
    { name: 'fresh', type: 'column_int', value: 2, description: '', entity: null, expression: null },
    { name: '', type: 'column_int', value: 3 },
    { name: 'no-value', type: 'column_int' },
    { name: 'long-type', type: 't'.repeat(65), value: 1 },
  ]

  await page.goto(`/namespaces/${ns.id}`)
  await logIn(page, 'alice')
  const dialog = page.getByRole('dialog')
  const read = async () => (await alice.paginateHwm({ namespace_id: ns.id, name: 'kept' })).items[0]!

  // Skip: the existing HWM keeps its value; the new one is created.
  await page.getByRole('button', { name: 'Import' }).click()
  await dialog.getByLabel('Export file (JSON)').setInputFiles(file(items))
  const invalid = dialog.getByRole('alert', { name: 'Invalid items' })
  await expect(invalid).toContainText('3 invalid items, which will not be sent')
  await expect(invalid).toContainText('Item 3: name: must not be empty')
  await expect(invalid).toContainText('Item 4 (“no-value”): value: missing')
  await expect(invalid).toContainText('Item 5 (“long-type”): type: at most 64 characters (has 65)')
  const preview = dialog.getByRole('region', { name: 'Import preview' })
  await expect(preview).toContainText('1 new HWM will be created; 1 already exists')
  await expect(preview.getByRole('list', { name: 'Names that already exist' })).toHaveText('kept')
  await expect(dialog.getByRole('radio', { name: /Skip it/ })).toBeChecked()
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const results = dialog.getByRole('list', { name: 'Results per item' })
  await expect(dialog.getByRole('status')).toContainText('Import finished: 1 created, 0 updated, 1 skipped, 0 failed')
  await expect(results.getByRole('listitem')).toHaveText(['Created fresh', 'Skipped kept — already exists'])
  expect((await read()).value).toBe(1)
  await dialog.getByRole('button', { name: 'Close' }).last().click()

  // Overwrite: the value (exact) and description come from the file; "fresh" now clashes too.
  await page.getByRole('button', { name: 'Import' }).click()
  await dialog.getByLabel('Export file (JSON)').setInputFiles(file(items.slice(0, 2)))
  await expect(preview).toContainText('0 new HWMs will be created; 2 already exist')
  await dialog.getByRole('radio', { name: /Overwrite it/ }).check()
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText('Import finished: 0 created, 2 updated, 0 skipped, 0 failed')
  const kept = await read()
  expect(kept.value).toBe(18446744073709551616n)
  expect(kept.description).toBe('from file')
  await dialog.getByRole('button', { name: 'Close' }).last().click()

  // A failure the server reports (the HWM deleted between preview and import) is shown per item.
  await page.getByRole('button', { name: 'Import' }).click()
  await dialog.getByLabel('Export file (JSON)').setInputFiles(file(items.slice(0, 1)))
  await expect(preview).toContainText('1 already exists')
  await dialog.getByRole('radio', { name: /Overwrite it/ }).check()
  await api('admin').deleteHwm(kept.id)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText('0 updated, 0 skipped, 1 failed')
  await expect(results.getByRole('listitem')).toContainText('Failed kept —')
})

test('a list page answering 500 shows the error with its request id; the rest of the app works', async ({ page }) => {
  const id = uid()
  const alice = api('alice')
  const ns = await alice.createNamespace({ name: `e2e-500-${id}`, description: 'a page fails' })
  const other = await alice.createNamespace({ name: `e2e-500-other-${id}`, description: 'another' })
  await limited(
    Array.from(
      { length: 50 },
      (_, i) => () =>
        alice.createHwm({
          namespace_id: ns.id,
          name: `row-${String(i).padStart(2, '0')}`,
          type: 'column_int',
          value: i,
        }),
    ),
  )
  await page.goto(`/namespaces/${ns.id}`)
  await logIn(page, 'alice')
  const pager = page.getByRole('navigation', { name: 'Pages of HWMs' })
  await expect(pager).toContainText('Page 1 of 3 · 50 HWMs')

  // The next read of page 2 of this namespace answers 500, as Horizon does for a row it cannot serve
  // (matched on the query too, so parallel tests' list reads are not hit).
  await control.addFault({
    method: 'GET',
    path: '/v1/hwm/',
    query: { namespace_id: String(ns.id), page: '2' },
    kind: 'status',
    status: 500,
  })
  await pager.getByRole('button', { name: 'Next →' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Page 2 could not be loaded')
  await expect(alert).toContainText(/Request ID [0-9a-f-]+/)
  const failed = (await control.requests()).filter((r) => r.path === '/v1/hwm/' && r.status === 500)
  expect(failed.length).toBeGreaterThan(0)

  // The pager stays: the next page loads, and back to page 2 (the fault spent) loads too.
  await pager.getByRole('button', { name: 'Next →' }).click()
  await expect(pager).toContainText('Page 3 of 3 · 50 HWMs')
  await expect(page.getByRole('table', { name: 'HWMs' })).toContainText('row-40')
  await expect(alert).toHaveCount(0)
  await pager.getByRole('button', { name: '← Previous' }).click()
  await expect(pager).toContainText('Page 2 of 3')
  await expect(page.getByRole('table', { name: 'HWMs' })).toContainText('row-20')

  // Other tabs, the header's navigation and another namespace.
  await page.getByRole('link', { name: 'History' }).click()
  await expect(page.getByRole('list', { name: 'Namespace history' })).toContainText('Created')
  await page.getByRole('banner').getByRole('link', { name: 'Namespaces' }).click()
  await page.getByRole('searchbox', { name: 'Name (exact)' }).fill(other.name)
  await page.getByRole('button', { name: 'Find' }).click()
  await page.getByRole('link', { name: other.name }).click()
  await expect(page.getByRole('heading', { level: 1, name: other.name })).toBeVisible()
})

test('a guest may export but not import: Import is disabled with the reason', async ({ page }) => {
  const id = uid()
  const ns = await api('admin').createNamespace({ name: `e2e-guest-io-${id}`, description: 'guest' })
  await page.goto(`/namespaces/${ns.id}`)
  await logIn(page, `guest-${id}`)
  const importButton = page.getByRole('button', { name: 'Import' })
  await expect(importButton).toBeDisabled()
  await expect(importButton).toHaveAccessibleDescription('Needs the developer role; yours is guest.')
  await expect(page.getByRole('button', { name: 'Export' })).toBeEnabled()
})
