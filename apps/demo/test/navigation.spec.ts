import { readdir, readFile } from 'node:fs/promises'
import { APP_DIR } from './env'
import { expect, logIn, test } from './fixtures'

test('keyboard: skip link, focus on each new screen, dialogs that trap and return focus', async ({ page }) => {
  // Filtered to the seeded namespace: other specs' namespaces (one server for the suite) may push it off page 1.
  await page.goto('/namespaces?name=sandbox')
  // The login form works from the keyboard alone.
  await page.getByLabel('Username', { exact: true }).focus()
  await page.keyboard.type('carol')
  await page.keyboard.press('Tab')
  await page.keyboard.type('carol')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Namespaces' })).toBeFocused()

  // The skip link is the first stop (just before the brand link) and moves focus to the main landmark.
  await page.getByRole('link', { name: 'Horizon admin' }).focus()
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()

  // Following a link moves focus to the new screen's heading.
  await page.getByRole('link', { name: 'sandbox' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'sandbox' })).toBeFocused()

  // A dialog takes focus, Escape closes it, and focus returns to the button that opened it.
  const opener = page.getByRole('button', { name: 'New HWM' })
  await opener.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'New HWM' })
  await expect(dialog).toBeVisible()
  await expect(dialog.locator(':focus')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
})

test('a missing HWM or page is explained, not shown as an error dump', async ({ page }) => {
  await page.goto('/hwm/987654321')
  await logIn(page, 'alice')
  await expect(page.getByText('HWM not found')).toBeVisible()
  await expect(page.getByText('It may have been deleted')).toBeVisible()
  await page.getByRole('link', { name: 'Back to the namespaces' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Namespaces' })).toBeVisible()
})

test('the production build carries no devtools and no raw HTML injection', async () => {
  const assets = `${APP_DIR}/test-results/app/assets`
  const scripts = (await readdir(assets)).filter((f) => f.endsWith('.js'))
  const code = (await Promise.all(scripts.map((f) => readFile(`${assets}/${f}`, 'utf8')))).join('\n')
  expect(code).not.toContain('tsqd')
  expect(code).not.toContain('ReactQueryDevtools')
  const sources = await readdir(`${APP_DIR}/src`, { recursive: true })
  for (const file of sources.filter((f) => f.endsWith('.tsx') || f.endsWith('.ts')))
    expect(await readFile(`${APP_DIR}/src/${file}`, 'utf8'), file).not.toMatch(/dangerouslySetInnerHTML|innerHTML\s*=/)
})
