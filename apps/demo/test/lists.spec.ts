import { api, expect, logIn, scrollToEnd, test, tokenFor, uid } from './fixtures'

// The lists' two views (a page at a time with a pager, or continuous with "Load more"), on each
// list the app shows: namespaces, a namespace's HWMs, an HWM's history, a namespace's history.

test('namespaces: the pager and the page size, kept in the URL', async ({ page }) => {
  const id = uid()
  const admin = api('admin')
  // Named "zz…" so they sort after the seeded namespaces other tests look for on the first page.
  for (let i = 0; i < 11; i++) await admin.createNamespace({ name: `zz-list-${id}-${i}`, description: 'pager' })

  await page.goto('/namespaces')
  await logIn(page, 'admin')
  const pager = page.getByRole('navigation', { name: 'Pages of namespaces' })
  await expect(pager).toContainText(/Page 1 of \d+ · \d+ namespaces/)
  await expect(pager.getByRole('button', { name: '← Previous' })).toBeDisabled()

  await pager.getByLabel('Per page').selectOption('10')
  await expect(page).toHaveURL(/\/namespaces\?size=10$/)
  const rows = page.getByRole('table', { name: 'Namespaces' }).getByRole('row')
  await expect(rows).toHaveCount(11)
  await pager.getByRole('button', { name: 'Next →' }).click()
  await expect(page).toHaveURL(/\/namespaces\?size=10&page=2$/)
  await expect(pager).toContainText(/Page 2 of \d+ · \d+ namespaces/)
  await expect(pager.getByRole('button', { name: '← Previous' })).toBeEnabled()
  await pager.getByRole('button', { name: '← Previous' }).click()
  await expect(page).toHaveURL(/\/namespaces\?size=10$/)
  await expect(pager).toContainText(/Page 1 of/)

  // The name filter: one row, then none (and the empty state instead of the table).
  await page.getByRole('searchbox', { name: 'Name (exact)' }).fill(`zz-list-${id}-3`)
  await page.getByRole('button', { name: 'Find' }).click()
  await expect(rows).toHaveCount(2)
  await expect(pager).toContainText('Page 1 of 1 · 1 namespace')
  await page.getByRole('searchbox', { name: 'Name (exact)' }).fill(`zz-none-${id}`)
  await page.getByRole('button', { name: 'Find' }).click()
  await expect(page.getByText(`No namespace is named “zz-none-${id}”`)).toBeVisible()
  await expect(pager).toHaveCount(0)
})

test("a namespace's HWMs: pages, then continuous with Load more", async ({ page }) => {
  const alice = api('alice')
  const ns = (await alice.paginateNamespaces({ name: 'etl_sales' })).items[0]!
  const total = (await alice.paginateHwm({ namespace_id: ns.id, page_size: 1 })).meta.total_count
  expect(total).toBeGreaterThan(50)

  await page.goto(`/namespaces/${ns.id}`)
  await logIn(page, 'alice')
  const rows = page.getByRole('table', { name: 'HWMs' }).getByRole('row')
  const pager = page.getByRole('navigation', { name: 'Pages of HWMs' })
  await expect(rows).toHaveCount(21)
  await expect(pager).toContainText(`Page 1 of ${Math.ceil(total / 20)} · ${total} HWMs`)
  await pager.getByRole('button', { name: 'Next →' }).click()
  await expect(page).toHaveURL(new RegExp(`/namespaces/${ns.id}\\?page=2$`))
  await expect(pager).toContainText(`Page 2 of ${Math.ceil(total / 20)}`)
  await pager.getByLabel('Per page').selectOption('50')
  await expect(page).toHaveURL(new RegExp(`/namespaces/${ns.id}\\?size=50$`))
  await expect(rows).toHaveCount(51)

  await page.getByText('Continuous', { exact: true }).click()
  await expect(page.getByRole('radio', { name: 'Continuous' })).toBeChecked()
  await expect(pager).toHaveCount(0)
  await expect(page.getByText(`Showing 50 of ${total} HWMs`)).toBeVisible()
  // The button itself (for keyboard users, and browsers without IntersectionObserver), pressed where
  // it is, below the fold, so that the list's end does not come into view and load by itself.
  await page.getByRole('button', { name: 'Load more' }).dispatchEvent('click')
  await expect(page.getByText(`Showing ${Math.min(total, 100)} of ${total} HWMs`)).toBeVisible()
  await expect(rows).toHaveCount(Math.min(total, 100) + 1)

  // The view is remembered; the empty state replaces the list in both views.
  await page.reload()
  await logIn(page, 'alice')
  await expect(page.getByRole('radio', { name: 'Continuous' })).toBeChecked()
  await page.getByRole('searchbox', { name: 'Name (exact)' }).fill('no-such-hwm')
  await page.getByRole('button', { name: 'Find' }).click()
  await expect(page.getByText('No HWM is named “no-such-hwm” here')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0)
  await page.getByText('Pages', { exact: true }).click()
  await expect(page.getByText('No HWM is named “no-such-hwm” here')).toBeVisible()
  await expect(pager).toHaveCount(0)
})

test("an HWM's history: continuous by default, then a page at a time", async ({ page }) => {
  const id = uid()
  const admin = api('admin')
  const ns = await admin.createNamespace({ name: `e2e-hist-${id}`, description: 'history' })
  const hwm = await admin.createHwm({ namespace_id: ns.id, name: 'ticks', type: 'column_int', value: 0 })
  for (let v = 1; v <= 12; v++) await admin.updateHwm(hwm.id, { value: v })

  await page.goto(`/hwm/${hwm.id}`)
  await logIn(page, 'admin')
  const panel = page.getByRole('region', { name: 'History' })
  const items = panel.getByRole('list', { name: 'HWM history' }).getByRole('listitem')
  await expect(items).toHaveCount(10)
  await expect(panel.getByText('10 of 13 changes')).toBeVisible()
  await expect(items.last()).toContainText('Load older changes to compare')
  await scrollToEnd(panel.getByRole('button', { name: 'Load older changes' }))
  await expect(items).toHaveCount(13)
  await expect(panel.getByText('13 of 13 changes')).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Load older changes' })).toHaveCount(0)
  await expect(items.last()).toContainText('Created')
  await expect(items.last()).not.toContainText('Load older changes to compare')

  await panel.getByText('Pages', { exact: true }).click()
  const pager = panel.getByRole('navigation', { name: 'Pages of changes' })
  await expect(pager).toContainText('Page 1 of 2 · 13 changes')
  await expect(items).toHaveCount(10)
  await pager.getByRole('button', { name: 'Next →' }).click()
  await expect(pager).toContainText('Page 2 of 2 · 13 changes')
  await expect(items).toHaveCount(3)
  await pager.getByLabel('Per page').selectOption('20')
  await expect(pager).toContainText('Page 1 of 1 · 13 changes')
  await expect(items).toHaveCount(13)

  // "Use this value" from the history still reaches the editor.
  await items.nth(5).getByRole('button', { name: 'Use this value' }).click()
  await expect(page.getByRole('region', { name: 'Edit' }).getByLabel('Value (JSON)')).toHaveText('7')
})

test("a namespace's history: continuous by default, then a page at a time", async ({ page }) => {
  const id = uid()
  const admin = api('admin')
  const ns = await admin.createNamespace({ name: `e2e-nshist-${id}`, description: 'v0' })
  for (let v = 1; v <= 22; v++) await admin.updateNamespace(ns.id, { description: `v${v}` })

  await page.goto(`/namespaces/${ns.id}/history`)
  await logIn(page, 'admin')
  const items = page.getByRole('list', { name: 'Namespace history' }).getByRole('listitem')
  await expect(items).toHaveCount(20)
  await expect(items.first()).toContainText('v22')
  await expect(page.getByText('Showing 20 of 23 changes')).toBeVisible()
  await scrollToEnd(page.getByRole('button', { name: 'Load older changes' }))
  await expect(items).toHaveCount(23)
  await expect(page.getByText('Showing 23 of 23 changes')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Load older changes' })).toHaveCount(0)

  await page.getByText('Pages', { exact: true }).click()
  const pager = page.getByRole('navigation', { name: 'Pages of changes' })
  await expect(pager).toContainText('Page 1 of 2 · 23 changes')
  await expect(items).toHaveCount(20)
  await pager.getByLabel('Per page').selectOption('10')
  await expect(pager).toContainText('Page 1 of 3 · 23 changes')
  await pager.getByRole('button', { name: 'Next →' }).click()
  await pager.getByRole('button', { name: 'Next →' }).click()
  await expect(pager).toContainText('Page 3 of 3 · 23 changes')
  await expect(items).toHaveCount(3)
  await expect(items.last()).toContainText('Created')
  await expect(pager.getByRole('button', { name: 'Next →' })).toBeDisabled()
})

test('deleting an HWM: disabled below maintainer with the reason; a refusal is said in the dialog; then deleted and gone', async ({
  page,
}) => {
  const id = uid()
  const admin = api('admin')
  const ns = await admin.createNamespace({ name: `e2e-del-${id}`, description: 'delete' })
  const hwm = await admin.createHwm({ namespace_id: ns.id, name: 'doomed', type: 'column_int', value: 1 })

  // A guest is not offered the delete: the button is disabled and says why, before any request.
  await page.goto(`/hwm/${hwm.id}`)
  await logIn(page, `guest-${id}`)
  const card = page.getByRole('region', { name: 'Delete this HWM' })
  await expect(card).toContainText('The next run of its job will start from scratch. The history is kept.')
  await expect(card.getByRole('button', { name: 'Delete HWM…' })).toBeDisabled()
  await expect(card).toContainText('Needs the maintainer role; yours is guest.')
  await page.getByRole('button', { name: 'Log out' }).click()

  // A maintainer whose role is taken away while the dialog is open: Horizon refuses, the dialog says so.
  const maintainer = `maint-${id}`
  await api(maintainer).whoami() // a user Horizon knows, so a role can be given
  await admin.updateNamespacePermissions(ns.id, { permissions: [{ username: maintainer, role: 'MAINTAINER' }] })
  await page.goto(`/hwm/${hwm.id}`)
  await logIn(page, maintainer)
  await card.getByRole('button', { name: 'Delete HWM…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete “doomed”?' })
  await expect(dialog).toContainText('This cannot be undone.')
  await admin.updateNamespacePermissions(ns.id, { permissions: [{ username: maintainer, role: null }] })
  await dialog.getByRole('button', { name: 'Delete HWM' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Permission denied')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  // The refusal made the page learn the new role: the button now says why instead of failing again.
  await expect(card.getByRole('button', { name: 'Delete HWM…' })).toBeDisabled()
  await expect(card).toContainText('Needs the maintainer role; yours is guest.')
  await page.getByRole('button', { name: 'Log out' }).click()

  await page.goto(`/hwm/${hwm.id}`)
  await logIn(page, 'admin')
  await page.getByRole('button', { name: 'Delete HWM…' }).click()
  await page.getByRole('dialog', { name: 'Delete “doomed”?' }).getByRole('button', { name: 'Delete HWM' }).click()
  await expect(page).toHaveURL(new RegExp(`/namespaces/${ns.id}$`))
  await expect(page.getByRole('status').filter({ hasText: 'HWM “doomed” deleted' })).toBeVisible()
  await expect(page.getByText('No HWMs in this namespace')).toBeVisible()
})

test('token login: a malformed token is refused in words; a good one signs in, marked "token"', async ({ page }) => {
  const id = uid()
  await page.goto('/namespaces')
  await logIn(page, 'alice')
  await expect(page.getByRole('banner')).toContainText('Signed in as alice')
  await page.getByRole('button', { name: 'Log out' }).click()

  await page.getByRole('button', { name: 'Access token' }).click()
  await expect(page.getByRole('button', { name: 'Access token' })).toHaveAttribute('aria-pressed', 'true')
  const form = page.getByRole('form', { name: 'Log in with an access token' })
  await form.getByLabel('Access token', { exact: true }).fill('not-a-token')
  await form.getByRole('button', { name: 'Use token' }).click()
  await expect(form.getByRole('alert')).toContainText('Could not use this token')
  await expect(page).toHaveURL(/\/login/)

  await form.getByLabel('Access token', { exact: true }).fill(await tokenFor(`tok-${id}`))
  await form.getByRole('button', { name: 'Use token' }).click()
  await expect(page).toHaveURL(/\/namespaces$/)
  const header = page.getByRole('banner')
  await expect(header).toContainText(`Signed in as tok-${id}`)
  await expect(header.getByText('token', { exact: true })).toBeVisible()
  // Any namespace row will do: which ones are on page 1 depends on what other specs created.
  await expect(page.getByRole('table', { name: 'Namespaces' }).getByRole('link').first()).toBeVisible()

  // Logging out and in with a password: the badge goes, the login form names the token's user.
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue(`tok-${id}`)
  await logIn(page, 'bob')
  await expect(header).toContainText('Signed in as bob')
  await expect(header.getByText('token', { exact: true })).toHaveCount(0)
})
