import type { JsonValue } from '@horizon-ts/core'
import type { Page } from '@playwright/test'
import { api, expect, logIn, shot, test, uid } from './fixtures'

type HwmChanges = Parameters<ReturnType<typeof api>['updateHwm']>[1]

/**
 * An HWM of alice's with one history row per value (create, then an update each), and a last
 * update of `more` when given, opened as admin.
 */
async function hwmWithHistory(page: Page, type: string, values: JsonValue[], more: HwmChanges = {}) {
  const id = uid()
  const alice = api('alice')
  const ns = await alice.createNamespace({ name: `e2e-history-${id}`, description: '' })
  const [first, ...rest] = values
  const hwm = await alice.createHwm({ namespace_id: ns.id, name: `job-${id}`, type, value: first as JsonValue })
  for (const value of rest) await alice.updateHwm(hwm.id, { value })
  if (Object.keys(more).length) await alice.updateHwm(hwm.id, more)
  await page.goto(`/hwm/${hwm.id}`)
  await logIn(page, 'admin')
  await expect(page.getByRole('list', { name: 'HWM history' }).getByRole('listitem').first()).toBeVisible()
  return { hwm, alice }
}

/** Loads the whole history and waits for the chart to be drawn. */
async function chart(page: Page, total: number) {
  const section = page.getByRole('region', { name: 'Value over time' })
  await section.getByRole('button', { name: 'Chart the history' }).click()
  await expect(section.getByRole('status')).toHaveText(`Loaded ${total} of ${total} changes`)
  await expect(section.locator('.history-plot canvas')).toBeVisible()
  return section
}

// 100 offsets, 10 apart, with rows 41–46 all equal (a stall) and row 71 lower than row 70 (a jump back).
const offsets: number[] = []
for (let i = 0, cur = 1000; i < 100; i++) {
  if (i >= 41 && i <= 45) offsets.push(cur)
  else {
    cur += i === 70 ? -500 : 10
    offsets.push(cur)
  }
}

test('the chart of an int HWM shows every point and marks its stall and its jump backwards', async ({ page }) => {
  test.setTimeout(60_000)
  const { hwm, alice } = await hwmWithHistory(page, 'column_int', offsets)
  const section = await chart(page, 100)
  const figure = section.getByRole('figure')
  await expect(figure).toHaveAttribute('data-points', '100')
  await expect(figure).toHaveAttribute('data-series', '1')
  const summary = section.getByRole('list', { name: 'Chart summary' })
  await expect(summary.getByRole('listitem').first()).toHaveText('100 points')
  // Row 71's time, as Horizon wrote it: history pages are newest first, so it is the 30th row.
  const rows = (await alice.paginateHwmHistory({ hwm_id: hwm.id, page: 1, page_size: 50 })).items
  const jumpAt = rows[29]!.changed_at
  expect(rows[29]!.value).toBe(offsets[70])
  await expect(summary.getByRole('listitem').nth(1)).toHaveText(
    `1 stall (rows 41–46) · 1 jump backwards at ${jumpAt} (row 71)`,
  )
  await shot(page, 'history-chart-1280')
  await section.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screenshots/history-chart-1280-section.png' })

  // A phone: the chart follows its container.
  await page.setViewportSize({ width: 390, height: 844 })
  const canvas = section.locator('.history-plot canvas')
  await expect.poll(async () => (await canvas.boundingBox())?.width ?? 999).toBeLessThanOrEqual(390)
  await section.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screenshots/history-chart-390-section.png' })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('two chosen versions are compared as a line diff; each entry shows its own change', async ({ page }) => {
  await hwmWithHistory(page, 'column_int', [5, 7, 9], { description: 'nightly load', entity: 'orders' })
  const history = page.getByRole('region', { name: 'History' })
  await history.getByText('Compare two versions').click()
  const versions = await history.getByLabel('Older version').locator('option').allTextContents()
  expect(versions).toHaveLength(4)
  // The oldest (5) against the one with 9.
  await history.getByLabel('Older version').selectOption({ label: versions[3]! })
  await history.getByLabel('Newer version').selectOption({ label: versions[1]! })
  const diff = history.getByRole('region', { name: 'Comparison' })
  await expect(diff.locator('.diff-removed')).toHaveText(['−removed: 5'])
  await expect(diff.locator('.diff-added')).toHaveText(['+added: 9'])

  // Each entry against the version before it: 7 → 9 ...
  const entries = page.getByRole('list', { name: 'HWM history' }).getByRole('listitem')
  await entries.nth(1).getByText('Show the change').click()
  await expect(entries.nth(1).locator('.diff-removed .diff-text')).toHaveText('7')
  await expect(entries.nth(1).locator('.diff-added .diff-text')).toHaveText('9')
  // ... and the newest changed the other fields, not the value.
  const newest = entries.first()
  await newest.getByText('Show the change').click()
  await expect(newest.locator('.diff-fields dt')).toHaveText(['description', 'entity'])
  await expect(newest.locator('.diff-fields dd').first()).toHaveText('removed: (none) → added: nightly load')
  await expect(newest.getByText('The value is the same.')).toBeVisible()
  await page.emulateMedia({ colorScheme: 'dark' })
  await history.screenshot({ path: 'test-results/screenshots/history-diff-dark.png' })
})

test('a diff of two big integers keeps every digit', async ({ page }) => {
  await hwmWithHistory(page, 'column_int', [18446744073709551616n, 18446744073709551617n])
  const newest = page.getByRole('list', { name: 'HWM history' }).getByRole('listitem').first()
  await newest.getByText('Show the change').click()
  await expect(newest.locator('.diff-removed .diff-text')).toHaveText('18446744073709551616')
  await expect(newest.locator('.diff-added .diff-text')).toHaveText('18446744073709551617')
  // And the chart compares them exactly: a step forward, not a stall, though they plot at one height.
  const section = await chart(page, 2)
  await expect(section.getByRole('list', { name: 'Chart summary' })).toContainText('no stall · no jump backwards')
  // Under the cursor, the legend gives the point's exact value, not the rounded number it is drawn at.
  const over = (await section.locator('.u-over').boundingBox())!
  await page.mouse.move(over.x + over.width - 1, over.y + over.height / 2)
  await expect(section.locator('.u-legend')).toContainText('18446744073709551617')
  await page.mouse.move(over.x + 1, over.y + over.height / 2)
  await expect(section.locator('.u-legend')).toContainText('18446744073709551616')
})

test('a key_value_int HWM is charted with one series per key', async ({ page }) => {
  await hwmWithHistory(page, 'key_value_int', [
    { a: 1, b: 10, c: 100 },
    { a: 2, b: 10, c: 90 },
    { a: 3, b: 10, c: 110 },
  ])
  const section = await chart(page, 3)
  await expect(section.getByRole('figure')).toHaveAttribute('data-series', '3')
  const lines = section.getByRole('list', { name: 'Chart summary' }).getByRole('listitem')
  await expect(lines).toHaveCount(4)
  await expect(lines.nth(1)).toHaveText('a: no stall · no jump backwards')
  await expect(lines.nth(2)).toHaveText('b: 1 stall (rows 1–3) · no jump backwards')
  await expect(lines.nth(3)).toContainText(/^c: no stall · 1 jump backwards at \S+ \(row 2\)$/)
  await shot(page, 'history-chart-keys')
})

test('a diff of a large object folds the unchanged lines around the change', async ({ page }) => {
  const keys = Object.fromEntries(Array.from({ length: 20 }, (_, k) => [`k${k}`, k]))
  await hwmWithHistory(page, 'key_value_int', [keys, { ...keys, k10: 1000 }])
  const newest = page.getByRole('list', { name: 'HWM history' }).getByRole('listitem').first()
  await newest.getByText('Show the change').click()
  await expect(newest.locator('.diff-removed .diff-text')).toHaveText('"k10": 10,')
  await expect(newest.locator('.diff-added .diff-text')).toHaveText('"k10": 1000,')
  // "{" and k0–k6 before the three lines of context, k14–k19 and "}" after.
  await expect(newest.locator('.diff-fold')).toHaveText(['⋯8 unchanged lines', '⋯7 unchanged lines'])
  await expect(newest.locator('.diff-same')).toHaveCount(6)
})

test('a key_value_int HWM with many keys draws the first eight and says so', async ({ page }) => {
  const keys = (n: number) => Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`k${k}`, n + k]))
  await hwmWithHistory(page, 'key_value_int', [keys(1), keys(2)])
  const section = await chart(page, 2)
  await expect(section.getByRole('figure')).toHaveAttribute('data-series', '8')
  await expect(section.getByRole('list', { name: 'Chart summary' }).getByRole('listitem').last()).toHaveText(
    '2 more keys not drawn (at most 8 series)',
  )
})

test('timestamps are charted in time, with their stall and jump backwards', async ({ page }) => {
  await hwmWithHistory(page, 'column_datetime', [
    '2026-01-01T00:00:00',
    '2026-01-02T00:00:00',
    '2026-01-02T00:00:00',
    '2025-12-31T12:00:00.5+00:00',
    '2026-01-03',
  ])
  const section = await chart(page, 5)
  await expect(section.getByRole('figure')).toHaveAttribute('data-points', '5')
  await expect(section.getByRole('list', { name: 'Chart summary' }).getByRole('listitem').nth(1)).toContainText(
    /^1 stall \(rows 2–3\) · 1 jump backwards at \S+ \(row 4\)$/,
  )
  await section.screenshot({ path: 'test-results/screenshots/history-chart-dates.png' })
})

test('a deep history charts what has loaded, with progress, and Cancel stops it', async ({ page }) => {
  test.setTimeout(60_000)
  // Page 2 of the chart's walk never answers: the chart stops at the first 50 rows.
  await page.route(/\/v1\/hwm-history\/\?.*page=2(&|$)/, () => {})
  await hwmWithHistory(
    page,
    'column_int',
    Array.from({ length: 120 }, (_, i) => i),
  )
  const section = page.getByRole('region', { name: 'Value over time' })
  await section.getByRole('button', { name: 'Chart the history' }).click()
  await expect(section.getByRole('status')).toHaveText('Loaded 50 of 120 changes')
  await expect(section.getByRole('figure')).toHaveAttribute('data-points', '50')
  await expect(section.locator('.history-plot canvas')).toBeVisible()
  await section.getByRole('button', { name: 'Cancel' }).click()
  await expect(section.getByRole('status')).toHaveText(
    'Loaded 50 of 120 changes (cancelled: the chart shows what was loaded)',
  )
  await expect(section.getByRole('figure')).toHaveAttribute('data-points', '50')

  // Once page 2 answers again, loading anew reaches the end.
  await page.unrouteAll({ behavior: 'ignoreErrors' })
  await section.getByRole('button', { name: 'Reload the history' }).click()
  await expect(section.getByRole('status')).toHaveText('Loaded 120 of 120 changes')
  await expect(section.getByRole('figure')).toHaveAttribute('data-points', '120')
})
