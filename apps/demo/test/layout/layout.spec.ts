import type { Locator } from '@playwright/test'
import { expect, logIn, shot, test } from '../fixtures'
import { hostileData } from './hostile-data'
import { expectHeadersInView, expectNoSidewaysScroll, expectTabsUnclipped, visit } from './layout-checks'

// Every main screen at four widths on a long-lived production-like data set (hostile-data.setup.ts):
// no sideways page scroll, every column header in view, tab labels whole. One logged-in page per
// width; screenshots at 390 and 1440 px go to test-results/screenshots/layout-<width>-<screen>.png.
const WIDTHS = [390, 768, 1024, 1440]
const SHOT_WIDTHS = [390, 1440]

for (const width of WIDTHS) {
  test(`every main screen fits at ${width} px`, async ({ page }) => {
    test.setTimeout(90_000)
    const data = hostileData()
    const narrow = width <= 640
    await page.setViewportSize({ width, height: 900 })
    const snap = async (screen: string) => {
      await expectNoSidewaysScroll(page, screen)
      if (SHOT_WIDTHS.includes(width)) await shot(page, `layout-${width}-${screen}`)
    }

    await test.step('login', async () => {
      await page.goto('/namespaces')
      await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible()
      await snap('login')
      await logIn(page, data.owner)
    })

    await test.step('namespaces list, with the blank and the 256-character names', async () => {
      const table = page.getByRole('table', { name: 'Namespaces' })
      await expect(table.getByRole('link', { name: data.longNamespace.name })).toBeVisible()
      await expectHeadersInView(page, 'namespaces', {
        Namespaces: narrow ? ['Name', 'Owner'] : ['Name', 'Description', 'Owner', 'Last change'],
      })
      // The part-of-a-name search takes its own height only (it once took a 440 px flex basis as height).
      await expectCompact(page.getByRole('search', { name: 'Search namespaces by part of the name' }))
      await snap('namespaces')
      // The blank name is a visible, clickable placeholder that opens its namespace.
      const blank = table.getByRole('link', { name: '(blank name)' })
      await expect(blank).toBeVisible()
      const box = (await blank.boundingBox())!
      expect(box.width).toBeGreaterThan(20)
      await blank.click()
      await expect(page).toHaveURL(`/namespaces/${data.blankNamespace.id}`)
      await expect(page.getByRole('heading', { level: 1, name: '(blank name)' })).toBeVisible()
    })

    const hwmHeaders = narrow ? ['Name', 'Value'] : ['Name', 'Type', 'Value', 'Last change']
    await test.step('namespace HWM tab: 2048-character name, markup, RTL, emoji, 1 MB value', async () => {
      await visit(page, `/namespaces/${data.longNamespace.id}`)
      const table = page.getByRole('table', { name: 'HWMs' })
      await expect(table.getByRole('link', { name: data.hwms.megabyte.name })).toBeVisible()
      await expect(table.getByRole('link', { name: data.hwms.longName.name })).toBeVisible()
      await expectHeadersInView(page, 'hwms', { HWMs: hwmHeaders })
      await expectTabsUnclipped(page, 'hwms')
      await expectCompact(page.getByRole('search', { name: 'Search HWMs by part of the name' }))
      await snap('namespace-hwms')
      // The 1 MB value: one truncated line, expanded in place to a bounded, scrollable excerpt.
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: data.hwms.megabyte.name }) })
      await row.locator('summary').click()
      const full = row.locator('.value-peek-full')
      await expect(full).toBeVisible()
      expect((await full.textContent())?.length).toBe(2000)
      await expectNoSidewaysScroll(page, 'hwms, a value expanded')
      await row.locator('summary').click()
      await expect(full).toHaveCount(0)
    })

    await test.step('namespace of 5,000 HWMs', async () => {
      await visit(page, `/namespaces/${data.bigNamespace.id}`)
      await expect(page.getByText(/Page 1 of 250 · 5,?000 HWMs/)).toBeVisible()
      await expect(page.getByRole('table', { name: 'HWMs' }).getByRole('row')).toHaveCount(21)
      await expectHeadersInView(page, 'big namespace', { HWMs: hwmHeaders })
      await snap('namespace-5000')
    })

    await test.step('namespace history tab', async () => {
      await visit(page, `/namespaces/${data.longNamespace.id}/history`)
      await expect(
        page
          .getByRole('list', { name: /history/i })
          .getByRole('listitem')
          .first(),
      ).toBeVisible()
      await expectTabsUnclipped(page, 'history')
      await snap('namespace-history')
    })

    await test.step('permissions tab: Remove and Make owner in view', async () => {
      await visit(page, `/namespaces/${data.longNamespace.id}/permissions`)
      const table = page.getByRole('table', { name: 'Users and their roles' })
      await expect(table.getByRole('row')).toHaveCount(5)
      await expectHeadersInView(page, 'permissions', { 'Users and their roles': ['User', 'Role', 'Actions'] })
      for (const name of [/^Make owner/, /^Remove/]) {
        for (const button of await table.getByRole('button', { name }).all()) {
          const box = (await button.boundingBox())!
          expect.soft(box.x >= 0 && box.x + box.width <= width, `${name} in view`).toBe(true)
          expect.soft(await button.evaluate((b) => b.scrollWidth <= b.clientWidth), `${name} not clipped`).toBe(true)
        }
      }
      await expectTabsUnclipped(page, 'permissions')
      await snap('namespace-permissions')
    })

    await test.step('settings tab', async () => {
      await visit(page, `/namespaces/${data.longNamespace.id}/settings`)
      await expect(page.getByRole('button', { name: /^Delete/ }).first()).toBeVisible()
      await expectTabsUnclipped(page, 'settings')
      await snap('namespace-settings')
    })

    // [screen, id, screenshot?]: painting a 1 MB value into a full-page capture takes seconds, so
    // that one is checked but not photographed.
    const hwmScreens = [
      ['hwm-long-name', data.hwms.longName.id, true],
      ['hwm-deep-history', data.hwms.deepHistory.id, true],
      ['hwm-thousand-keys', data.hwms.thousandKeys.id, true],
      ['hwm-megabyte', data.hwms.megabyte.id, false],
      ['hwm-rtl', data.hwms.rtl.id, true],
    ] as const
    for (const [screen, id, photo] of hwmScreens) {
      await test.step(`HWM screen: ${screen}`, async () => {
        await visit(page, `/hwm/${id}`)
        await expect(page.getByRole('list', { name: 'HWM history' }).getByRole('listitem').first()).toBeVisible()
        await expect(page.getByRole('button', { name: /^Save/ }).first()).toBeVisible()
        if (photo) await snap(screen)
        else await expectNoSidewaysScroll(page, screen)
      })
    }
  })
}

/** A form region no taller than its controls need (a few rows of inputs, wrapped on phones). */
async function expectCompact(region: Locator): Promise<void> {
  const box = await region.boundingBox()
  expect(box, 'the region is on screen').not.toBeNull()
  expect(box!.height, 'height of the search form').toBeLessThan(200)
}
