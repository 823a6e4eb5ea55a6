import { startHorizonServer } from '@horizon-ts/server'
import { startSsrServer } from '../../scripts/ssr-node.mjs'
import { expect, logIn, test } from '../fixtures'

// Horizon tokens that live 3 s, behind an SSR server of their own.
let horizon: Awaited<ReturnType<typeof startHorizonServer>>
let ssr: Awaited<ReturnType<typeof startSsrServer>>
test.beforeAll(async () => {
  horizon = await startHorizonServer({ port: 0, seed: 'demo', tokenTtlSeconds: 3 })
  ssr = await startSsrServer({ horizonUrl: horizon.url })
})
test.afterAll(async () => {
  await Promise.all([ssr?.close(), horizon?.close()])
})

test.describe('an expired Horizon token on the server', () => {
  test('a password session logs in again by itself: pages keep coming', async ({ page }) => {
    await page.goto(`${ssr.url}login`)
    await logIn(page, 'alice')
    await expect(page.getByRole('banner')).toContainText('Signed in as alice')
    await page.waitForTimeout(4_000)
    await page.reload()
    await expect(page.getByRole('table', { name: 'Namespaces' })).toContainText('etl_sales')
    await page.getByRole('link', { name: 'etl_sales' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'etl_sales' })).toBeVisible()
  })

  test('a token session returns to the login, the page remembered', async ({ page }) => {
    const res = await fetch(`${horizon.url}/v1/auth/token`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'bob', password: 'bob' }),
    })
    const { access_token: token } = (await res.json()) as { access_token: string }
    await page.goto(`${ssr.url}login?next=%2Fnamespaces%2F1%2Fhistory`)
    await page.getByRole('button', { name: 'Access token' }).click()
    await page.getByRole('textbox', { name: 'Access token' }).fill(token)
    await page.getByRole('button', { name: 'Use token' }).click()
    await expect(page).toHaveURL(/\/namespaces\/1\/history$/)
    await page.waitForTimeout(4_000)
    // On a reload the server finds the token refused, ends the session and sends to the login.
    await page.reload()
    await expect(page).toHaveURL(/\/login\?next=%2Fnamespaces%2F1%2Fhistory&reason=expired$/)
    await expect(page.getByRole('alert')).toContainText('Your session has expired')
    // Logging in again comes back to the page.
    await page.getByRole('button', { name: 'Password' }).click()
    await logIn(page, 'bob')
    await expect(page).toHaveURL(/\/namespaces\/1\/history$/)
  })
})
