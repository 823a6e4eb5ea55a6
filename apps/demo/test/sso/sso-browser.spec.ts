import { expect, test } from '../fixtures'
import { JWT } from '../ssr/session-http'
import { atProvider, confirmProviderSignOut, type SsoWorld, startSsoWorld } from './sso-servers'

// One provider, Horizon and pair of apps for the file; its tests change the provider's settings
// (refresh tokens on or off), so they run one after another.
test.describe.configure({ mode: 'serial' })
let world: SsoWorld
// Access tokens live 8 s: renewal (at half their life) and expiry happen within a test.
test.beforeAll(async () => {
  world = await startSsoWorld(8)
})
test.afterAll(async () => {
  await world?.close()
})

test.describe('Sign in with SSO in the browser (OidcLogin, tokens in memory)', () => {
  test('sign in, see namespaces, reload, sign out', async ({ page }) => {
    test.setTimeout(60_000)
    await page.goto(`${world.spaUrl}namespaces`)
    await expect(page).toHaveURL(/\/login\?next=%2Fnamespaces$/)
    await page.getByRole('button', { name: 'Sign in with SSO' }).click()
    await atProvider(page, 'alice', world.issuer)
    await expect(page).toHaveURL(/\/namespaces$/)
    const header = page.getByRole('banner')
    await expect(header).toContainText('Signed in as alice')
    await expect(header.getByText('SSO', { exact: true })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Namespaces' })).toContainText('etl_sales')
    const storage = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    )
    expect(storage).not.toMatch(JWT)

    // A reload forgets the in-memory tokens; the provider's session brings the user straight back.
    await page.reload()
    await expect(page).toHaveURL(/\/namespaces$/)
    await expect(header).toContainText('Signed in as alice')

    await header.getByRole('button', { name: 'Log out' }).click()
    await confirmProviderSignOut(page)
    await expect(page).toHaveURL(new RegExp(`^${world.spaUrl}login`))
    // Signed out at the provider too: the next SSO sign-in asks for the login again.
    await page.getByRole('button', { name: 'Sign in with SSO' }).click()
    await expect(page.locator('input[name=login]')).toBeVisible()
  })

  test('a tampered state and a wrong nonce are refused with a clear error', async ({ page, context }) => {
    test.setTimeout(60_000)
    // What a tampering party changes, applied as the callback page loads, before the app reads it:
    // the `state` the provider answered, or the `nonce` this tab expects in the ID token.
    await context.addInitScript(() => {
      if (location.pathname !== '/auth/callback') return
      const tamper = localStorage.getItem('e2e:tamper')
      if (tamper === 'state') {
        const url = new URL(location.href)
        url.searchParams.set('state', `${url.searchParams.get('state')}x`)
        history.replaceState(null, '', url)
      }
      if (tamper === 'nonce')
        for (const key of Object.keys(sessionStorage)) {
          const record = JSON.parse(sessionStorage.getItem(key) ?? 'null')
          if (record && typeof record === 'object' && 'nonce' in record)
            sessionStorage.setItem(key, JSON.stringify({ ...record, nonce: 'not-the-one-sent' }))
        }
    })
    await page.goto(`${world.spaUrl}login`)
    await page.evaluate(() => localStorage.setItem('e2e:tamper', 'state'))
    await page.getByRole('button', { name: 'Sign in with SSO' }).click()
    await atProvider(page, 'bob', world.issuer)
    await expect(page.getByRole('alert')).toContainText('The sign-in was refused')
    await expect(page.getByRole('alert')).toContainText('its state does not match')
    await expect(page.getByRole('banner')).toHaveCount(0)

    await page.evaluate(() => localStorage.setItem('e2e:tamper', 'nonce'))
    await page.getByRole('button', { name: 'Sign in with SSO again' }).click()
    await expect(page.getByRole('alert')).toContainText('its nonce does not match')
    await expect(page.getByRole('banner')).toHaveCount(0)

    // Nothing tampered: the same tab signs in.
    await page.evaluate(() => localStorage.removeItem('e2e:tamper'))
    await page.getByRole('button', { name: 'Sign in with SSO again' }).click()
    await expect(page.getByRole('banner')).toContainText('Signed in as bob')
  })

  test('an expiring token is renewed with the refresh token, unseen', async ({ page }) => {
    test.setTimeout(60_000)
    const renewals: string[] = []
    page.on('request', (r) => {
      if (r.url().startsWith(world.issuer) && /grant_type=refresh_token/.test(r.postData() ?? ''))
        renewals.push(r.url())
    })
    await page.goto(`${world.spaUrl}login`)
    await page.getByRole('button', { name: 'Sign in with SSO' }).click()
    await atProvider(page, 'carol', world.issuer)
    await expect(page.getByRole('banner')).toContainText('Signed in as carol')
    // Past the token's life (8 s): the next reads renew it first.
    await page.waitForTimeout(9_000)
    await page.getByRole('link', { name: 'etl_sales' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'etl_sales' })).toBeVisible()
    await expect(page.getByRole('banner')).toContainText('Signed in as carol')
    expect(renewals.length).toBeGreaterThanOrEqual(1)
  })

  test('a token that cannot be renewed returns to the sign-in, remembering the page', async ({ page }) => {
    test.setTimeout(60_000)
    world.idp.refreshTokens = false
    try {
      await page.goto(`${world.spaUrl}login`)
      await page.getByRole('button', { name: 'Sign in with SSO' }).click()
      await atProvider(page, 'dave', world.issuer)
      await expect(page.getByRole('banner')).toContainText('Signed in as dave')
      await page.getByRole('link', { name: 'etl_sales' }).click()
      await expect(page).toHaveURL(/\/namespaces\/\d+$/)
      await page.waitForTimeout(9_000)
      await page.getByRole('link', { name: 'History', exact: true }).click()
      await expect(page).toHaveURL(/\/login\?next=%2Fnamespaces%2F\d+%2Fhistory&reason=expired$/)
      await expect(page.getByRole('alert')).toContainText('Your session has expired')
    } finally {
      world.idp.refreshTokens = true
    }
  })
})

test.describe('Sign in with SSO on the SSR server (confidential client, tokens server-side)', () => {
  test('sign in, see namespaces server-rendered, reload, sign out; no token reaches the page', async ({ page }) => {
    test.setTimeout(60_000)
    await page.goto(`${world.ssrUrl}namespaces`)
    await page.getByRole('button', { name: 'Sign in with SSO' }).click()
    await atProvider(page, 'erin', world.issuer)
    await expect(page).toHaveURL(/\/namespaces$/)
    await expect(page.getByRole('banner')).toContainText('Signed in as erin')
    const html = await (await page.request.get(`${world.ssrUrl}namespaces`)).text()
    expect(html).toContain('etl_sales')
    expect(html).not.toMatch(JWT)
    expect(await page.evaluate(() => document.cookie)).toBe('')
    await page.reload()
    await expect(page.getByRole('banner')).toContainText('Signed in as erin')
    await page.getByRole('button', { name: 'Log out' }).click()
    await confirmProviderSignOut(page)
    await expect(page).toHaveURL(new RegExp(`^${world.ssrUrl}login`))
    await page.goto(`${world.ssrUrl}namespaces`)
    await expect(page).toHaveURL(/\/login\?next=%2Fnamespaces$/)
  })

  test('a forged callback (a state this browser did not send) is refused with a clear error', async ({ page }) => {
    test.setTimeout(60_000)
    await page.goto(`${world.ssrUrl}login`)
    await page.getByRole('button', { name: 'Sign in with SSO' }).click()
    // A sign-in is in progress (its record waits on the server); an answer not made for it arrives.
    await page.waitForURL(/\/interaction\//)
    const forged = new URL('/session/sso/callback', world.ssrUrl)
    forged.search = new URLSearchParams({ code: 'a-code', state: 'forged', iss: world.issuer }).toString()
    await page.goto(forged.href)
    await expect(page).toHaveURL(/\/login\?error=sso_state_mismatch$/)
    await expect(page.getByRole('alert')).toContainText('its state does not match')
    // That sign-in record was used up: the same answer again finds none.
    await page.goto(forged.href)
    await expect(page).toHaveURL(/\/login\?error=sso_no_transaction$/)
  })
})
