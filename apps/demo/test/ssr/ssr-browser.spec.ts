import type { Page, Request } from '@playwright/test'
import { SSR_URL } from '../env'
import { api, expect, logIn, test, uid } from '../fixtures'
import { JWT } from './session-http'

test.use({ baseURL: SSR_URL })

/** The requests the page sends to Horizon (through this origin's proxy) from now on. */
function horizonCalls(page: Page): Request[] {
  const calls: Request[] = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/horizon-api/')) calls.push(r)
  })
  return calls
}

/** Console errors (a hydration mismatch is one) from now on. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  return errors
}

/** Hydration is over once the times turn from the server's UTC into the browser's relative words. */
async function hydrated(page: Page): Promise<void> {
  await expect(page.locator('time').first()).not.toHaveText(/UTC$/)
}

test.describe('server-rendered app with a server-held session', () => {
  test('every main page hydrates from the HTML without a single Horizon request', async ({ page }) => {
    const alice = api('alice')
    const ns = await alice.createNamespace({ name: `ssr_hydrate_${uid()}`, description: 'hydration' })
    const hwm = await alice.createHwm({ namespace_id: ns.id, name: 'offset', type: 'column_int', value: 1 })
    await alice.updateHwm(hwm.id, { value: 9007199254740993n })
    await page.goto('/login')
    await logIn(page, 'alice')
    await expect(page).toHaveURL(/\/namespaces$/)

    for (const path of [
      '/namespaces',
      `/namespaces/${ns.id}`,
      `/namespaces/${ns.id}/history`,
      `/namespaces/${ns.id}/permissions`,
      `/hwm/${hwm.id}`,
    ]) {
      const calls = horizonCalls(page)
      const errors = consoleErrors(page)
      await page.goto(path)
      if (!path.endsWith('/permissions')) await hydrated(page)
      // Interactive: the menu button answers (React handles the click).
      await page.waitForLoadState('networkidle')
      expect(
        calls.map((r) => `${r.method()} ${r.url()}`),
        `Horizon requests while hydrating ${path}`,
      ).toEqual([])
      expect(errors, `console errors on ${path}`).toEqual([])
      page.removeAllListeners('request')
      page.removeAllListeners('console')
    }
    await expect(page.getByText('9007199254740993').first()).toBeVisible()
  })

  test('reload and a new tab keep the session; logout ends it everywhere', async ({ page, context }) => {
    await page.goto('/namespaces')
    await expect(page).toHaveURL(/\/login\?next=%2Fnamespaces$/)
    await logIn(page, 'bob')
    await expect(page).toHaveURL(/\/namespaces$/)
    await page.reload()
    await expect(page.getByRole('banner')).toContainText('Signed in as bob')
    const tab = await context.newPage()
    await tab.goto(`${SSR_URL}/namespaces`)
    await expect(tab.getByRole('banner')).toContainText('Signed in as bob')

    const [cookie] = await context.cookies(SSR_URL)
    expect(cookie).toMatchObject({ name: 'horizon_session', httpOnly: true, sameSite: 'Lax' })
    await page.getByRole('button', { name: 'Log out' }).click()
    await expect(page).toHaveURL(/\/login$/)
    expect(await context.cookies(SSR_URL)).toEqual([])
    await tab.reload()
    await expect(tab).toHaveURL(/\/login\?next=%2Fnamespaces$/)
    // The old cookie, replayed, names no session any more.
    const replay = await fetch(`${SSR_URL}/horizon-api/v1/users/me`, {
      headers: { cookie: `${cookie!.name}=${cookie!.value}` },
    })
    expect(replay.status).toBe(401)
  })

  test('the token is in no HTML, script, readable cookie or storage', async ({ page }) => {
    const bodies: string[] = []
    page.on('response', async (r) => {
      const type = r.headers()['content-type'] ?? ''
      if (/html|javascript|json/.test(type)) bodies.push(await r.text().catch(() => ''))
    })
    await page.goto('/login')
    await logIn(page, 'carol')
    await expect(page.getByRole('banner')).toContainText('Signed in as carol')
    await page.reload()
    await expect(page.getByRole('table', { name: 'Namespaces' })).toBeVisible()
    await page.waitForLoadState('networkidle')
    const exposed = await page.evaluate(() => ({
      cookie: document.cookie,
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      html: document.documentElement.outerHTML,
    }))
    expect(exposed.cookie).toBe('')
    expect(exposed.storage).not.toMatch(JWT)
    expect(exposed.html).not.toMatch(JWT)
    expect(bodies.length).toBeGreaterThan(3)
    for (const body of bodies) expect(body).not.toMatch(JWT)
  })

  test('a cross-site POST is refused and changes nothing', async ({ page, context }) => {
    await page.goto('/login')
    await logIn(page, 'alice')
    await expect(page).toHaveURL(/\/namespaces$/)
    const [cookie] = await context.cookies(SSR_URL)
    const name = `ssr_csrf_${uid()}`
    const forged = await fetch(`${SSR_URL}/horizon-api/v1/namespace`, {
      method: 'POST',
      headers: {
        cookie: `${cookie!.name}=${cookie!.value}`,
        origin: 'https://evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name }),
    })
    expect(forged.status).toBe(403)
    const logout = await fetch(`${SSR_URL}/session/logout`, {
      method: 'POST',
      headers: { cookie: `${cookie!.name}=${cookie!.value}`, origin: 'https://evil.example' },
    })
    expect(logout.status).toBe(403)
    expect((await api('alice').paginateNamespaces({ name })).items).toEqual([])
    // The session is still there, and the same request from the page itself works.
    await page.reload()
    await expect(page.getByRole('banner')).toContainText('Signed in as alice')
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the login form posts to the server and the next page arrives rendered', async ({ page }) => {
    await page.goto('/namespaces?size=10')
    await page.getByLabel('Username', { exact: true }).fill('alice')
    await page.getByLabel('Password', { exact: true }).fill('alice')
    await page.getByRole('button', { name: 'Log in', exact: true }).click()
    await expect(page).toHaveURL(/\/namespaces\?size=10$/)
    await expect(page.getByRole('banner')).toContainText('Signed in as alice')
    await expect(page.getByRole('table', { name: 'Namespaces' })).toBeVisible()
  })
})
