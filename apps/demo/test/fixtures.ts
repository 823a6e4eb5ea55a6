import { mkdir } from 'node:fs/promises'
import { HorizonClient, LoginPassword } from '@horizon-ts/core'
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { APP_DIR, HORIZON_URL } from './env'

/** A suffix that makes each test's data its own: tests run in parallel against one server. */
export const uid = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** A Horizon client for setting up data quickly, as `username` (any password works on the dev server). */
export const api = (username: string) =>
  new HorizonClient({ baseUrl: HORIZON_URL, auth: new LoginPassword({ login: username, password: username }) })

/** A token for `username`, as a user would copy it from Swagger. */
export async function tokenFor(username: string): Promise<string> {
  const res = await fetch(`${HORIZON_URL}/v1/auth/token`, {
    method: 'POST',
    body: new URLSearchParams({ username, password: username }),
  })
  return ((await res.json()) as { access_token: string }).access_token
}

/** The dev server's test-control API (faults, request log). */
export const control = {
  async addFault(fault: Record<string, unknown>): Promise<number> {
    const res = await fetch(`${HORIZON_URL}/__control/faults`, { method: 'POST', body: JSON.stringify(fault) })
    expect(res.status).toBe(201)
    return ((await res.json()) as { id: number }).id
  },
  async requests(): Promise<{ method: string; path: string; status: number }[]> {
    return (await fetch(`${HORIZON_URL}/__control/requests`)).json()
  },
}

/**
 * Brings the end of a continuous list into view, as a user scrolling down does: the next page loads
 * by itself (`LoadMore` watches the list's end). Clicking its button instead races that load: the
 * click scrolls the button into view, the page starts loading, and the button it aimed at is gone.
 */
export async function scrollToEnd(loadMore: Locator): Promise<void> {
  await loadMore.scrollIntoViewIfNeeded()
}

/** Fills and sends the password form. */
export async function logIn(page: Page, username: string, password = username): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Log in', exact: true }).click()
}

/** Saves a screenshot as a test artifact: test-results/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = `${APP_DIR}/test-results/screenshots`
  await mkdir(dir, { recursive: true })
  // From the top, so the sticky header sits where it belongs in a full-page capture; toasts come
  // and go, so they are hidden: the screenshot shows the screen, not the timing.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.mouse.move(0, 0)
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true, style: '.toast-region { display: none }' })
}

/**
 * `test` with a guard on every page: an uncaught exception or a JavaScript dialog (alert, confirm)
 * fails the test. The app shows no native dialogs, so one can only come from injected script.
 */
export const test = base.extend<{ failures: string[] }>({
  failures: [
    async ({ page }, use) => {
      const failures: string[] = []
      page.on('pageerror', (e) => failures.push(`page error: ${e.message}`))
      page.on('dialog', (d) => {
        failures.push(`dialog: ${d.type()} ${d.message()}`)
        void d.dismiss()
      })
      await use(failures)
      expect(failures, 'uncaught errors or dialogs in the page').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
