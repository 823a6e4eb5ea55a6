import { api, expect, logIn, shot, test, uid } from './fixtures'

test('log in, create, edit, copy, grant, bulk delete and delete: the whole flow without a reload', async ({ page }) => {
  // Thirty-odd steps in one test: on a busy 2-core CI machine it needs more than the default 30 s.
  test.setTimeout(90_000)
  const id = uid()
  const source = `e2e-main-${id}`
  const target = await api('admin').createNamespace({ name: `e2e-target-${id}`, description: 'copy target' })
  let loads = 0
  page.on('load', () => loads++)

  // A deep link while signed out goes to the login, then back.
  await page.goto('/namespaces')
  await expect(page).toHaveURL(/\/login\?next=%2Fnamespaces$/)
  await expect(page.getByRole('heading', { name: 'Horizon admin' })).toBeVisible()
  await shot(page, '01-login')
  await logIn(page, 'admin')
  await expect(page).toHaveURL(/\/namespaces$/)
  const header = page.getByRole('banner')
  await expect(header).toContainText('Signed in as admin')
  await expect(header.getByText('superadmin')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Namespaces' })).toBeVisible()
  await shot(page, '02-namespaces')

  // Create a namespace.
  await page.getByRole('button', { name: 'New namespace' }).click()
  const newNs = page.getByRole('dialog', { name: 'New namespace' })
  // Refused before sending, with the field named; then refused by Horizon, in words.
  await newNs.getByRole('button', { name: 'Create namespace' }).click()
  await expect(newNs.getByRole('alert')).toContainText('Please correct these fields')
  await expect(newNs.getByRole('alert')).toContainText('name: String should have at least 1 character')
  await newNs.getByLabel('Name').fill(target.name)
  await newNs.getByRole('button', { name: 'Create namespace' }).click()
  await expect(newNs.getByRole('alert')).toContainText(`A namespace already exists with name "${target.name}"`)
  await newNs.getByLabel('Name').fill(source)
  await newNs.getByLabel('Description').fill('Made by the browser suite')
  await newNs.getByRole('button', { name: 'Create namespace' }).click()
  await expect(page.getByRole('heading', { level: 1, name: source })).toBeVisible()
  await expect(page.getByText('No HWMs in this namespace')).toBeVisible()

  // Create an HWM; the app opens it.
  await page.getByRole('button', { name: 'New HWM' }).click()
  const newHwm = page.getByRole('dialog', { name: 'New HWM' })
  await newHwm.getByLabel('Name', { exact: true }).fill('orders')
  await newHwm.getByLabel('Value (JSON)').fill('{"id": 100')
  // Not JSON: refused before sending (Create is disabled), and said so beside the button.
  await expect(newHwm.getByRole('button', { name: 'Create HWM' })).toBeDisabled()
  await expect(newHwm.getByRole('button', { name: 'Create HWM' })).toHaveAccessibleDescription(/Not valid JSON/)
  await newHwm.getByLabel('Value (JSON)').fill('100')
  await expect(newHwm.getByText('Valid JSON: an integer.')).toBeVisible()
  await newHwm.getByLabel('Entity', { exact: false }).fill('sales.orders')
  await newHwm.getByRole('button', { name: 'Create HWM' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'orders' })).toBeVisible()
  const history = page.getByRole('list', { name: 'HWM history' })
  await expect(history.getByRole('listitem')).toHaveCount(1)

  // Edit its value: the timeline shows the "Updated" row with the new value, without a reload.
  const editor = page.getByRole('region', { name: 'Edit' })
  await editor.getByLabel('Value (JSON)').fill('250')
  await editor.getByLabel('Description', { exact: false }).fill('Orders loaded up to id 250')
  await editor.getByRole('button', { name: 'Save changes' }).click()
  const newest = history.getByRole('listitem').first()
  await expect(newest).toContainText('Updated')
  await expect(newest.getByRole('figure', { name: 'Value' }).locator('pre')).toHaveText('250')
  await expect(newest).toContainText('Changed: value, description')
  await expect(history.getByRole('listitem')).toHaveCount(2)
  await expect(
    page.getByRole('region', { name: 'Current value' }).getByRole('figure', { name: 'Value' }).locator('pre'),
  ).toHaveText('250')
  await expect(page.getByRole('status').filter({ hasText: 'Saved “orders”' })).toBeVisible()
  await shot(page, '03-hwm')

  // Copy it, with its history, to the other namespace.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: source }).click()
  await page.getByRole('checkbox', { name: 'Select orders' }).check()
  await expect(page.getByRole('region', { name: 'Selected HWMs' })).toContainText('1 HWM selected')
  await shot(page, '04-namespace-hwms')
  await page.getByRole('button', { name: 'Copy to…' }).click()
  const copy = page.getByRole('dialog', { name: 'Copy 1 HWM' })
  await copy.getByLabel('Target namespace').selectOption({ label: target.name })
  await expect(copy.getByLabel('Copy their history too')).toBeChecked()
  await copy.getByRole('button', { name: 'Copy', exact: true }).click()
  await expect(copy.getByText(`Copied 1 HWM to ${target.name}`)).toBeVisible()
  await copy.getByRole('link', { name: `Open ${target.name}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: target.name })).toBeVisible()
  await page.getByRole('link', { name: 'orders' }).click()
  const copiedHistory = page.getByRole('list', { name: 'HWM history' }).getByRole('listitem')
  // The "Copied" row keeps the HWM's last changed_at, so it ties with the copied "Updated" row, and
  // ties come in the order written, as in the real Horizon: it is among the newest two, not first.
  await expect(copiedHistory).toHaveCount(3)
  await expect(copiedHistory.nth(1)).toContainText(/Copied from namespace \d+ to namespace \d+/)

  // The target now has an HWM: deleting it is refused, and the answer is explained.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: target.name }).click()
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Delete namespace…' }).click()
  const refuse = page.getByRole('dialog', { name: `Delete “${target.name}”?` })
  await refuse.getByRole('button', { name: 'Delete namespace' }).click()
  await expect(refuse.getByRole('alert')).toContainText('still has HWMs')
  await expect(refuse.getByRole('alert')).toContainText('Request ID')
  await refuse.getByRole('button', { name: 'Cancel' }).click()

  // Grant a role in the source namespace, then change it.
  await page.getByRole('link', { name: 'Namespaces', exact: true }).first().click()
  await page.getByRole('searchbox', { name: 'Name (exact)' }).fill(source)
  await page.getByRole('button', { name: 'Find' }).click()
  await page.getByRole('link', { name: source }).click()
  await page.getByRole('link', { name: 'Permissions' }).click()
  const perms = page.getByRole('table', { name: 'Users and their roles' })
  await expect(perms.getByRole('row', { name: /admin/ })).toContainText('Owner')
  const grant = page.getByRole('form', { name: 'Give a user a role' })
  await grant.getByLabel('Username').fill('bob')
  await grant.getByLabel('Role').selectOption('DEVELOPER')
  await grant.getByRole('button', { name: 'Give role' }).click()
  await expect(perms.getByLabel('Role of bob')).toHaveValue('DEVELOPER')
  await perms.getByLabel('Role of bob').selectOption('MAINTAINER')
  await expect(page.getByRole('status').filter({ hasText: 'bob is now maintainer' })).toBeVisible()
  await grant.getByLabel('Username').fill('carol')
  await grant.getByRole('button', { name: 'Give role' }).click()
  await expect(perms.getByLabel('Role of carol')).toHaveValue('DEVELOPER')
  await shot(page, '05-permissions')
  await perms.getByRole('button', { name: 'Remove carol' }).click()
  await expect(perms.getByRole('row', { name: /carol/ })).toHaveCount(0)
  // Transfer ownership to bob; admin keeps the maintainer role.
  await perms.getByRole('button', { name: 'Make owner (bob)' }).click()
  const transfer = page.getByRole('dialog', { name: 'Make bob the owner?' })
  await expect(transfer.getByLabel('admin keeps the role')).toHaveValue('MAINTAINER')
  await transfer.getByRole('button', { name: 'Transfer ownership' }).click()
  await expect(perms.getByRole('row', { name: /bob/ })).toContainText('Owner')
  await expect(perms.getByLabel('Role of admin')).toHaveValue('MAINTAINER')
  await expect(page.getByText('Owner bob')).toBeVisible()

  // Bulk delete every HWM of the source.
  await page.getByRole('link', { name: 'HWMs' }).click()
  await page.getByRole('checkbox', { name: 'Select all HWMs shown' }).check()
  await page.getByRole('button', { name: 'Delete…' }).click()
  const bulk = page.getByRole('dialog', { name: 'Delete 1 HWM?' })
  await bulk.getByRole('button', { name: 'Delete 1 HWM' }).click()
  await expect(page.getByText('No HWMs in this namespace')).toBeVisible()

  // Describe it again: the namespace history shows the "Updated" row first.
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Description', { exact: true }).fill('Emptied by the browser suite')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Emptied by the browser suite').first()).toBeVisible()
  await page.getByRole('link', { name: 'History' }).click()
  const nsHistory = page.getByRole('list', { name: 'Namespace history' }).getByRole('listitem')
  await expect(nsHistory).toHaveCount(2)
  await expect(nsHistory.first()).toContainText('Updated')
  await expect(nsHistory.first()).toContainText('Emptied by the browser suite')
  await shot(page, '06-namespace-history')

  // Delete the (now empty) namespace.
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Delete namespace…' }).click()
  await page
    .getByRole('dialog', { name: `Delete “${source}”?` })
    .getByRole('button', { name: 'Delete namespace' })
    .click()
  await expect(page).toHaveURL(/\/namespaces$/)
  await expect(page.getByRole('status').filter({ hasText: `Namespace “${source}” deleted` })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Name (exact)' }).fill(source)
  await page.getByRole('button', { name: 'Find' }).click()
  await expect(page.getByText(`No namespace is named “${source}”`)).toBeVisible()

  // Log out: back to the login, with nothing to return to.
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible()

  expect(loads, 'the whole flow runs in one page load').toBe(1)
})
