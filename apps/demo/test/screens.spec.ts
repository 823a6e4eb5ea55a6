import { APP_DIR } from './env'
import { api, expect, logIn, shot, test } from './fixtures'

// The seeded data is dated early October 2026: a fixed clock keeps "3 days ago" (hence the
// screenshots) the same from run to run.
const SEED_NOW = new Date('2026-10-12T09:30:00Z')

async function seededHwm() {
  const alice = api('alice')
  const ns = (await alice.paginateNamespaces({ name: 'etl_sales' })).items[0]!
  const hwm = (await alice.paginateHwm({ namespace_id: ns.id, name: 'sales.payments.updated_at' })).items[0]!
  return { ns, hwm }
}

test('the main screens on seeded data, at laptop width', async ({ page }) => {
  const { ns, hwm } = await seededHwm()
  await page.clock.setFixedTime(SEED_NOW)
  await page.goto(`/namespaces/${ns.id}`)
  await logIn(page, 'alice')
  await expect(page.getByRole('table', { name: 'HWMs' }).getByRole('row')).toHaveCount(21)
  await shot(page, '07-seeded-namespace')

  await page.getByRole('link', { name: 'Continuous' }).or(page.getByText('Continuous')).click()
  await expect(page.getByText(/Showing 50 of \d+ HWMs/)).toBeVisible()
  await page.getByText('Pages', { exact: true }).click()

  await page.getByRole('searchbox', { name: 'Name (exact)' }).fill(hwm.name)
  await page.getByRole('button', { name: 'Find' }).click()
  await page.getByRole('link', { name: hwm.name }).click()
  await expect(page.getByRole('list', { name: 'HWM history' }).getByRole('listitem')).toHaveCount(4)
  await expect(page.getByRole('link', { name: 'etl_sales' })).toBeVisible()
  // The README's picture: the HWM screen as a laptop shows it.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: `${APP_DIR}/docs/screenshot.png`, style: '.toast-region { display: none }' })
  await shot(page, '08-seeded-hwm')
  // The OS's dark scheme is followed.
  await page.emulateMedia({ colorScheme: 'dark' })
  await shot(page, '12-dark-hwm')
})

test('phone width: the menu folds, tables and the HWM screen fit', async ({ page }) => {
  const { ns, hwm } = await seededHwm()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.clock.setFixedTime(SEED_NOW)
  // Filtered to the seeded namespace: other specs' namespaces (one server for the suite) may push it off page 1.
  await page.goto(`/namespaces?name=${encodeURIComponent(ns.name)}`)
  await logIn(page, 'bob')
  await expect(page.getByRole('link', { name: ns.name })).toBeVisible()
  const menu = page.getByRole('button', { name: 'Menu' })
  await expect(menu).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
  await shot(page, '09-phone-namespaces')
  await menu.click()
  await expect(menu).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible()
  await page.screenshot({ path: `${APP_DIR}/test-results/screenshots/10-phone-menu.png` })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Namespaces' }).click()
  await expect(menu).toHaveAttribute('aria-expanded', 'false')

  await page.goto(`/hwm/${hwm.id}`)
  await logIn(page, 'bob')
  await expect(page.getByRole('heading', { level: 1, name: hwm.name })).toBeVisible()
  await expect(page.getByRole('list', { name: 'HWM history' }).getByRole('listitem')).toHaveCount(4)
  // Nothing wider than the screen: no sideways scrolling of the whole page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await shot(page, '11-phone-hwm')
})
