import type { Locator, Page } from '@playwright/test'
import { ADMIN } from './env'
import { api, control, expect, logIn, test, uid } from './fixtures'

/**
 * Each role sees exactly the controls Horizon lets it use: the others are disabled and say why
 * (visible text the control points to with aria-describedby), never offered only to fail with a 403.
 */

type Who = 'guest' | 'developer' | 'maintainer' | 'owner' | 'superadmin'

/** One namespace with one HWM, owned by `owner`, where `developer` and `maintainer` hold those roles. */
async function setUp() {
  const id = uid()
  const users = {
    owner: `owner-${id}`,
    developer: `dev-${id}`,
    maintainer: `maint-${id}`,
    guest: `guest-${id}`,
    superadmin: ADMIN,
  }
  // Horizon creates users on their first login; a grant needs the user to exist.
  await Promise.all([api(users.developer).whoami(), api(users.maintainer).whoami()])
  const owner = api(users.owner)
  const ns = await owner.createNamespace({ name: `e2e-roles-${id}`, description: 'roles' })
  const hwm = await owner.createHwm({ namespace_id: ns.id, name: 'events', type: 'column_int', value: 7 })
  await owner.updateNamespacePermissions(ns.id, {
    permissions: [
      { username: users.developer, role: 'DEVELOPER' },
      { username: users.maintainer, role: 'MAINTAINER' },
    ],
  })
  return { users, ns, hwm }
}

/** The control is enabled and has no role reason. */
async function allowed(control: Locator) {
  await expect(control).toBeVisible()
  await expect(control).toBeEnabled()
  await expect(control).not.toHaveAccessibleDescription(/role/)
}

/** The control is disabled and says, in visible text, which role it needs. */
async function refused(page: Page, control: Locator, reason: string) {
  await expect(control).toBeDisabled()
  await expect(control).toHaveAccessibleDescription(reason)
  const id = await control.getAttribute('aria-describedby')
  await expect(page.locator(`[id="${id}"]`)).toBeVisible()
}

const needs = (role: string, yours: string) => `Needs the ${role} role; yours is ${yours}.`

// What each role may do, as Horizon decides it (NOTES.md "Roles and permissions").
const CAN: Record<Who, { write: boolean; remove: boolean; manage: boolean; actual: string }> = {
  guest: { write: false, remove: false, manage: false, actual: 'guest' },
  developer: { write: true, remove: false, manage: false, actual: 'developer' },
  maintainer: { write: true, remove: true, manage: false, actual: 'maintainer' },
  owner: { write: true, remove: true, manage: true, actual: 'owner' },
  superadmin: { write: true, remove: true, manage: true, actual: 'superadmin' },
}

for (const who of Object.keys(CAN) as Who[]) {
  test(`${who === 'owner' ? 'an' : 'a'} ${who} is offered exactly the controls the role allows`, async ({ page }) => {
    const { users, ns, hwm } = await setUp()
    const can = CAN[who]
    const writes: string[] = []
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.method() !== 'OPTIONS' && !r.url().includes('/auth/token'))
        writes.push(`${r.method()} ${r.url()}`)
    })

    // The HWM list tab.
    await page.goto(`/namespaces/${ns.id}`)
    await logIn(page, users[who])
    const newHwm = page.getByRole('button', { name: 'New HWM' })
    if (can.write) await allowed(newHwm)
    else await refused(page, newHwm, needs('developer', can.actual))
    // Copying only reads this namespace, so anyone may select; deleting needs the maintainer role.
    await page.getByRole('checkbox', { name: 'Select events' }).check()
    const bar = page.getByRole('region', { name: 'Selected HWMs' })
    await allowed(bar.getByRole('button', { name: 'Copy to…' }))
    const bulkDelete = bar.getByRole('button', { name: 'Delete…' })
    if (can.remove) await allowed(bulkDelete)
    else await refused(page, bulkDelete, needs('maintainer', can.actual))

    // The Settings tab: renaming and deleting the namespace are the owner's.
    await page.getByRole('link', { name: 'Settings' }).click()
    const nameField = page.getByRole('region', { name: 'Name and description' }).getByLabel('Name', { exact: true })
    await nameField.fill(`renamed-${ns.name}`)
    const saveNs = page
      .getByRole('region', { name: 'Name and description' })
      .getByRole('button', { name: 'Save changes' })
    const deleteNs = page.getByRole('button', { name: 'Delete namespace…' })
    if (can.manage) {
      await allowed(saveNs)
      await allowed(deleteNs)
    } else {
      await refused(page, saveNs, needs('owner', can.actual))
      await refused(page, deleteNs, needs('owner', can.actual))
      // Enter in the field does not submit past the disabled button either.
      await nameField.press('Enter')
    }

    // The Permissions tab: the table for the owner and superadmins, the rule explained to anyone else.
    await page.getByRole('link', { name: 'Permissions' }).click()
    const table = page.getByRole('table', { name: 'Users and their roles' })
    if (can.manage) {
      await expect(table).toBeVisible()
      await expect(table).toContainText(users.developer)
    } else {
      await expect(page.getByText('Only the owner can see and change permissions')).toBeVisible()
      await expect(page.getByRole('status').filter({ hasText: 'Your role in this namespace' })).toContainText(
        `Your role in this namespace: ${can.actual.replace(/^./, (c) => c.toUpperCase())}`,
      )
      await expect(table).toHaveCount(0)
    }

    // The HWM screen: Save needs the developer role, Delete the maintainer role.
    // (Followed by link: the session lives in the page's memory.)
    await page.getByRole('navigation', { name: 'Namespace sections' }).getByRole('link', { name: 'HWMs' }).click()
    await page.getByRole('link', { name: 'events', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'events' })).toBeVisible()
    const editor = page.getByRole('region', { name: 'Edit' })
    const save = editor.getByRole('button', { name: 'Save changes' })
    const deleteHwm = page.getByRole('button', { name: 'Delete HWM…' })
    if (can.write) await allowed(save)
    else {
      await refused(page, save, needs('developer', can.actual))
      await editor.getByLabel('Name', { exact: true }).press('Enter')
    }
    if (can.remove) await allowed(deleteHwm)
    else await refused(page, deleteHwm, needs('maintainer', can.actual))

    if (who === 'guest') {
      expect(writes, 'a guest’s page sends no write request').toEqual([])
      // And the server saw none on this namespace or its HWM but the owner's grants of setUp().
      const mine = new RegExp(`^/v1/(namespaces/${ns.id}(/|$)|hwm/${hwm.id}$)`)
      const serverWrites = (await control.requests()).filter(
        (r) => r.method !== 'GET' && r.method !== 'OPTIONS' && mine.test(r.path),
      )
      expect(serverWrites).toEqual([
        { method: 'PATCH', path: `/v1/namespaces/${ns.id}/permissions`, search: '', status: 200 },
      ])
    }
  })
}

test('while the role is being checked, write controls are disabled and say so', async ({ page }) => {
  const { users, ns } = await setUp()
  let release = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(`**/v1/namespaces/${ns.id}/permissions`, async (route) => {
    await held
    await route.continue()
  })
  await page.goto(`/namespaces/${ns.id}`)
  await logIn(page, users.developer)
  const newHwm = page.getByRole('button', { name: 'New HWM' })
  await refused(page, newHwm, 'Checking your role…')
  release()
  await allowed(newHwm)
})

test('when the role cannot be learnt (network), the controls stay enabled and the server decides', async ({ page }) => {
  const { users, ns } = await setUp()
  await page.route(`**/v1/namespaces/${ns.id}/permissions`, (route) => route.abort('connectionreset'))
  await page.goto(`/namespaces/${ns.id}/settings`)
  await logIn(page, users.guest)
  await expect(page.getByRole('heading', { name: 'Delete this namespace' })).toBeVisible()
  await allowed(page.getByRole('button', { name: 'Delete namespace…' }))
})

test('the copy dialog says when the chosen target needs a role the user lacks', async ({ page }) => {
  const { users, ns } = await setUp()
  const mine = await api(users.developer).createNamespace({ name: `e2e-roles-mine-${uid()}`, description: '' })
  // A namespace of someone else's where the developer holds no role.
  const other = await api(`other-${uid()}`).createNamespace({ name: `e2e-roles-other-${uid()}`, description: '' })
  await page.goto(`/namespaces/${ns.id}`)
  await logIn(page, users.developer)
  await page.getByRole('checkbox', { name: 'Select events' }).check()
  await page.getByRole('button', { name: 'Copy to…' }).click()
  const dialog = page.getByRole('dialog')
  const target = dialog.getByLabel('Target namespace')
  const copy = dialog.getByRole('button', { name: 'Copy', exact: true })
  await target.selectOption({ label: other.name })
  await refused(page, copy, `Needs the developer role in ${other.name}; yours is guest.`)
  await target.selectOption({ label: mine.name })
  await allowed(copy)
})
