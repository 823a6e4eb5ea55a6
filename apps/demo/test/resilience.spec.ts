import type { Page } from '@playwright/test'
import { api, control, expect, logIn, shot, test, tokenFor, uid } from './fixtures'

/** Every read of an empty namespace's HWM tab has been answered: the list, and the role behind New HWM. */
async function settled(page: Page) {
  await expect(page.getByText('No HWMs in this namespace')).toBeVisible()
  await expect(page.getByRole('button', { name: 'New HWM' })).toHaveAccessibleDescription(
    'Needs the developer role; yours is guest.',
  )
}

test('an expired token leads to the login, which returns to the same page', async ({ page }) => {
  const id = uid()
  const ns = await api('admin').createNamespace({ name: `e2e-expiry-${id}`, description: 'expiry' })
  const token = await tokenFor(`token-${id}`)

  // The page's clock is ours: ten hours pass in an instant (Horizon's tokens last ten hours).
  await page.clock.install()
  await page.goto(`/namespaces/${ns.id}`)
  await page.getByRole('button', { name: 'Access token' }).click()
  await page.getByLabel('Access token', { exact: true }).fill(token)
  await page.getByRole('button', { name: 'Use token' }).click()
  await expect(page.getByRole('heading', { level: 1, name: ns.name })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText(`Signed in as token-${id}`)
  // The user sits idle: every read of the page has been answered before the hours pass (a read still
  // in flight would time out at the jump and find the token expired: the next test).
  await settled(page)

  await page.clock.fastForward('10:30:00')
  await page.getByRole('link', { name: 'History' }).click()
  await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Fnamespaces%2F${ns.id}%2Fhistory&reason=expired$`))
  await expect(page.getByRole('alert')).toContainText('Your session has expired')
  await shot(page, '15-session-expired')

  // Back to real time, log in with a password: the app returns to the page the user was on.
  await page.clock.setSystemTime(new Date())
  await logIn(page, `token-${id}`)
  await expect(page).toHaveURL(new RegExp(`/namespaces/${ns.id}/history$`))
  await expect(page.getByRole('list', { name: 'Namespace history' })).toContainText('Created')
})

test('a token expiring while a read is in flight (the laptop slept) leads to the login of the same page', async ({
  page,
}) => {
  const id = uid()
  const ns = await api('admin').createNamespace({ name: `e2e-expiry-flight-${id}`, description: 'expiry' })
  const token = await tokenFor(`token-${id}`)
  // The HWM list's request is held at the browser until the hours have passed.
  let release = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  let arrived = () => {}
  const listAsked = new Promise<void>((resolve) => {
    arrived = resolve
  })
  await page.route(/\/v1\/hwm\/\?/, async (route) => {
    arrived()
    await held
    await route.continue()
  })

  await page.clock.install()
  await page.goto(`/namespaces/${ns.id}`)
  await page.getByRole('button', { name: 'Access token' }).click()
  await page.getByLabel('Access token', { exact: true }).fill(token)
  await page.getByRole('button', { name: 'Use token' }).click()
  await listAsked
  await page.clock.fastForward('10:30:00')
  release()
  // The held read times out at the jump; asking again finds the token expired: the user is sent to
  // log in, and comes back to the page they were on.
  await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Fnamespaces%2F${ns.id}&reason=expired$`))
  await expect(page.getByRole('alert')).toContainText('Your session has expired')
  await page.clock.setSystemTime(new Date())
  await logIn(page, `token-${id}`)
  await expect(page.getByRole('heading', { level: 1, name: ns.name })).toBeVisible()
  await expect(page.getByText('No HWMs in this namespace')).toBeVisible()
})

test('a 503 on a read is explained with its request id, and "Try again" recovers', async ({ page }) => {
  const id = uid()
  const ns = await api('admin').createNamespace({ name: `e2e-fault-${id}`, description: 'fault' })
  // The client retries a GET 3 times on 503: the fourth failure reaches the screen.
  await control.addFault({ method: 'GET', path: `/v1/namespaces/${ns.id}`, kind: 'status', status: 503, times: 4 })

  await page.goto(`/namespaces/${ns.id}`)
  await logIn(page, 'alice')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Horizon is unavailable')
  await expect(alert).toContainText(/Request ID [0-9a-f]+/)
  await shot(page, '14-service-unavailable')
  await alert.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('heading', { level: 1, name: ns.name })).toBeVisible()

  const reads = (await control.requests()).filter((r) => r.method === 'GET' && r.path === `/v1/namespaces/${ns.id}`)
  expect(reads.map((r) => r.status)).toEqual([503, 503, 503, 503, 200])
})

test('the dev proxy path reaches Horizon without CORS', async ({ page }) => {
  await page.goto('/login')
  const server = page.getByRole('form', { name: 'Server' })
  await server.getByLabel('Horizon URL').fill('/horizon-api')
  await server.getByRole('button', { name: 'Use this server' }).click()
  await expect(server).toContainText('Horizon 1.1.3')
  await logIn(page, 'carol')
  // Any namespace row will do: which ones are on page 1 depends on what other specs created.
  await expect(page.getByRole('table', { name: 'Namespaces' }).getByRole('link').first()).toBeVisible()
  await expect(page.getByRole('contentinfo')).toContainText('/horizon-api')
})
