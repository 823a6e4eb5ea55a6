import { api, expect, logIn, shot, test, uid } from './fixtures'

test('a user without a role is told which role an edit needs, and why permissions are hidden', async ({ page }) => {
  const id = uid()
  const admin = api('admin')
  const ns = await admin.createNamespace({ name: `e2e-perm-${id}`, description: 'owned by admin' })
  const hwm = await admin.createHwm({ namespace_id: ns.id, name: 'events', type: 'column_int', value: 7 })
  const user = `guest-${id}`
  await api(user).whoami()
  await admin.updateNamespacePermissions(ns.id, { permissions: [{ username: user, role: 'DEVELOPER' }] })

  await page.goto(`/hwm/${hwm.id}`)
  await logIn(page, user)
  await expect(page.getByRole('heading', { level: 1, name: 'events' })).toBeVisible()
  const editor = page.getByRole('region', { name: 'Edit' })
  await expect(editor.getByRole('button', { name: 'Save changes' })).toBeEnabled()

  // The role is revoked while the page is open: the page still offers Save (it learnt the role
  // earlier), Horizon refuses, and the refusal says which role it needs. The optimistic value rolls back.
  await admin.updateNamespacePermissions(ns.id, { permissions: [{ username: user, role: null }] })
  await editor.getByLabel('Value (JSON)').fill('8')
  await editor.getByRole('button', { name: 'Save changes' }).click()
  const alert = editor.getByRole('alert')
  await expect(alert).toContainText('Permission denied')
  await expect(alert).toContainText('This needs the developer role in this namespace; your role is guest.')
  await expect(alert).toContainText(/Request ID [0-9a-f]+/)
  await expect(
    page.getByRole('region', { name: 'Current value' }).getByRole('figure', { name: 'Value' }).locator('pre'),
  ).toHaveText('7')
  await expect(page.getByRole('list', { name: 'HWM history' }).getByRole('listitem')).toHaveCount(1)
  // The refusal makes the page ask for the role again: Save now says why it is disabled.
  await expect(editor.getByRole('button', { name: 'Save changes' })).toBeDisabled()
  await expect(editor.getByRole('button', { name: 'Save changes' })).toHaveAccessibleDescription(
    'Needs the developer role; yours is guest.',
  )
  await shot(page, '13-permission-denied')

  // The permissions tab explains the owner-only rule instead of failing.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: ns.name }).click()
  await page.getByRole('link', { name: 'Permissions' }).click()
  const notice = page.getByText('Only the owner can see and change permissions').locator('..')
  await expect(notice).toContainText(`${ns.name} is owned by admin`)
  await expect(notice).toContainText('Your role in this namespace: Guest')
  await expect(page.getByRole('table', { name: 'Users and their roles' })).toHaveCount(0)
})
