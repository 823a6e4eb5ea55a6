import { api, expect, logIn, test, uid } from './fixtures'

const IMG = '<img src=x onerror=alert(1)>'

test('names that look like HTML render as text and run nothing', async ({ page }) => {
  const id = uid()
  const admin = api('admin')
  const ns = await admin.createNamespace({ name: `${IMG} ${id}`, description: '<script>window.__xss = 1</script>' })
  await admin.createHwm({
    namespace_id: ns.id,
    name: IMG,
    type: 'column_int',
    value: '<img src=x onerror="window.__xss = 1">',
    description: '<b onmouseover="window.__xss = 1">bold?</b>',
  })

  await page.goto('/namespaces')
  await logIn(page, 'admin')
  await page.getByRole('searchbox', { name: 'Name (exact)' }).fill(ns.name)
  await page.getByRole('button', { name: 'Find' }).click()
  await page.getByRole('link', { name: ns.name }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ns.name)
  await expect(page.getByText('<script>window.__xss = 1</script>')).toBeVisible()
  await page.getByRole('link', { name: IMG, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(IMG)
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(ns.name)
  await page.getByText('<b onmouseover="window.__xss = 1">bold?</b>').first().hover()
  expect(await page.title()).toContain(IMG)

  // Nothing was parsed as markup: no <img src=x>, no <script> from data, no flag, no dialog
  // (the fixture fails the test on any dialog or page error).
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  await expect(page.locator('main script, main b')).toHaveCount(0)
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
})
