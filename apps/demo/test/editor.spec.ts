import type { Locator, Page } from '@playwright/test'
import { HORIZON_URL } from './env'
import { api, control, expect, logIn, test, tokenFor, uid } from './fixtures'

/** A namespace of alice's (others have the superadmin's rights) with one HWM, opened in the browser as admin. */
async function openHwm(page: Page, type: string, value: unknown) {
  const id = uid()
  const alice = api('alice')
  const ns = await alice.createNamespace({ name: `e2e-editor-${id}`, description: '' })
  const hwm = await alice.createHwm({ namespace_id: ns.id, name: `orders-${id}`, type, value: value as number })
  await page.goto(`/hwm/${hwm.id}`)
  await logIn(page, 'admin')
  const editor = page.getByRole('region', { name: 'Edit' })
  // CodeMirror is lazy: wait for it, so the test types into the editor and not the stand-in textarea.
  await expect(editor.locator('.cm-content')).toBeVisible()
  return { ns, hwm, alice, editor, value: editor.getByLabel('Value (JSON)') }
}

const patchesOf = async (hwmId: number) =>
  (await control.requests()).filter((r) => r.method === 'PATCH' && r.path === `/v1/hwm/${hwmId}`)

const save = (editor: Locator) => editor.getByRole('button', { name: 'Save changes' })

test('invalid JSON disables Save, says why with line:column and marks the place in the editor', async ({ page }) => {
  const { editor, value } = await openHwm(page, 'column_int', 1)
  await expect(value).toHaveAttribute('contenteditable', 'true')
  await value.fill('{\n  "id": 100,\n  x}')
  await expect(save(editor)).toBeDisabled()
  const reason = 'Not valid JSON at line 3:3'
  await expect(editor.getByText(reason).first()).toBeVisible()
  // The reason is the button's description, beside it.
  await expect(save(editor)).toHaveAccessibleDescription(new RegExp(reason))
  // Marked where it is: the diagnostic covers the "x" on line 3.
  await expect(editor.locator('.cm-lintRange-error')).toHaveText('x')

  await value.fill('250')
  await expect(editor.locator('.cm-lintRange-error')).toHaveCount(0)
  await expect(save(editor)).toBeEnabled()
  await expect(editor.getByText('Valid JSON: an integer.')).toBeVisible()
})

test('a value its type cannot hold is refused before any request', async ({ page }) => {
  const { hwm, editor, value } = await openHwm(page, 'column_int', 1)
  await value.fill('12.5')
  await expect(save(editor)).toBeDisabled()
  await expect(save(editor)).toHaveAccessibleDescription(
    'column_int holds an integer; this is a number with a fraction',
  )
  await value.fill('"12"')
  await expect(save(editor)).toHaveAccessibleDescription('column_int holds an integer; this is a string')
  // Enter in another field does not submit it either.
  await editor.getByLabel('Entity', { exact: false }).press('Enter')
  await value.fill('12')
  await expect(save(editor)).toBeEnabled()
  expect(await patchesOf(hwm.id)).toEqual([])

  // The dialog for a new HWM checks the same way.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').nth(1).click()
  await expect(page.getByRole('button', { name: 'New HWM' })).toBeVisible()
  await page.getByRole('button', { name: 'New HWM' }).click()
  const dialog = page.getByRole('dialog', { name: 'New HWM' })
  await dialog.getByLabel('Type', { exact: true }).fill('file_list')
  await dialog.getByLabel('Value (JSON)').fill('["a.csv", 2]')
  const create = dialog.getByRole('button', { name: 'Create HWM' })
  await expect(create).toBeDisabled()
  await expect(create).toHaveAccessibleDescription('file_list holds a list of strings (paths); item 2 is an integer')
  await dialog.getByLabel('Value (JSON)').fill('["a.csv", "b.csv"]')
  await expect(create).toBeEnabled()
})

test('2^64 typed in the editor is saved and read back digit for digit', async ({ page }) => {
  const { hwm, alice, editor, value } = await openHwm(page, 'column_int', 1)
  await value.fill('18446744073709551616')
  await expect(editor.getByText('Valid JSON: an integer.')).toBeVisible()
  await save(editor).click()
  const history = page.getByRole('list', { name: 'HWM history' })
  await expect(history.getByRole('listitem')).toHaveCount(2)
  // As text from the server, never through a JavaScript number.
  const token = await tokenFor('alice')
  const res = await fetch(`${HORIZON_URL}/v1/hwm/${hwm.id}`, { headers: { authorization: `Bearer ${token}` } })
  expect(await res.text()).toMatch(/"value":\s*18446744073709551616(?![\d.eE])/)
  expect((await alice.getHwm(hwm.id)).value).toBe(18446744073709551616n)
  // The form opened again on what the server holds.
  await expect(value).toHaveText('18446744073709551616')
})

/** The user comes back to the tab after a while: the HWM (stale after 30 s) refetches, as on any focus. */
async function comeBackLater(page: Page) {
  await page.clock.fastForward(31_000)
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')))
}

test('a change on the server while the form is open is said; overwriting it needs a confirmation', async ({ page }) => {
  await page.clock.install()
  const { hwm, alice, editor, value } = await openHwm(page, 'column_int', 1)
  await value.fill('5')
  await alice.updateHwm(hwm.id, { value: 7 })
  await comeBackLater(page)
  const notice = editor.getByRole('alert').filter({ hasText: 'Changed on the server by alice' })
  await expect(notice).toContainText('since you opened this form')
  await expect(notice.getByRole('figure', { name: 'Value' }).locator('pre')).toHaveText('7')
  // What was typed is kept; Save waits for the confirmation.
  await expect(value).toHaveText('5')
  await expect(save(editor)).toBeDisabled()
  await notice.getByRole('button', { name: 'Keep editing' }).click()
  await expect(value).toBeFocused()
  await notice.getByLabel('Overwrite their change when I save').check()
  await save(editor).click()
  await expect(page.getByRole('list', { name: 'HWM history' }).getByRole('listitem')).toHaveCount(3)
  expect((await alice.getHwm(hwm.id)).value).toBe(5)
  await expect(notice).toHaveCount(0)

  // Again, and this time the server's value is taken.
  await alice.updateHwm(hwm.id, { value: 9 })
  await comeBackLater(page)
  await editor.getByRole('button', { name: "Load the server's value" }).click()
  await expect(value).toHaveText('9')
  await expect(editor.getByRole('alert')).toHaveCount(0)
  await expect(save(editor)).toBeEnabled()
})

test('"already exists" goes away once the name is changed', async ({ page }) => {
  const { ns, hwm } = await openHwm(page, 'column_int', 1)
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
  await crumbs.getByRole('link', { name: ns.name }).click()
  await page.getByRole('button', { name: 'New HWM' }).click()
  const dialog = page.getByRole('dialog', { name: 'New HWM' })
  await dialog.getByLabel('Name', { exact: true }).fill(hwm.name)
  await dialog.getByRole('button', { name: 'Create HWM' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Already exists')
  await dialog.getByLabel('Name', { exact: true }).fill(`${hwm.name}-2`)
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  // The same in "New namespace".
  await page.getByRole('link', { name: 'Namespaces' }).first().click()
  await page.getByRole('button', { name: 'New namespace' }).click()
  const newNs = page.getByRole('dialog', { name: 'New namespace' })
  await newNs.getByLabel('Name').fill(ns.name)
  await newNs.getByRole('button', { name: 'Create namespace' }).click()
  await expect(newNs.getByRole('alert')).toContainText('already exists')
  await newNs.getByLabel('Name').fill(`${ns.name}-other`)
  await expect(newNs.getByRole('alert')).toHaveCount(0)
  await newNs.getByRole('button', { name: 'Cancel' }).click()

  // And renaming a namespace to a taken name.
  const other = await api('alice').createNamespace({ name: `${ns.name}-taken`, description: '' })
  await page.getByRole('link', { name: ns.name, exact: true }).click()
  await page.getByRole('navigation', { name: 'Namespace sections' }).getByRole('link', { name: 'Settings' }).click()
  const settings = page.getByRole('region', { name: 'Name and description' })
  await settings.getByLabel('Name', { exact: true }).fill(other.name)
  await settings.getByRole('button', { name: 'Save changes' }).click()
  await expect(settings.getByRole('alert')).toContainText('already exists')
  await settings.getByLabel('Name', { exact: true }).fill(`${other.name}-2`)
  await expect(settings.getByRole('alert')).toHaveCount(0)
})

test('a token pasted with "Bearer " (and a newline) logs in', async ({ page }) => {
  const id = uid()
  const token = await tokenFor(`bearer-${id}`)
  await page.goto('/login')
  await page.getByRole('button', { name: 'Access token' }).click()
  const form = page.getByRole('form', { name: 'Log in with an access token' })
  await form.getByLabel('Access token', { exact: true }).fill(`  Bearer ${token}\n`)
  await form.getByRole('button', { name: 'Use token' }).click()
  await expect(page.getByRole('banner')).toContainText(`Signed in as bearer-${id}`)
})

test('a notice with inline code reads as one line of text', async ({ page }) => {
  await page.goto('/namespaces?x=1')
  const notice = page.getByText('Log in to open')
  await expect(notice).toBeVisible()
  // One sentence on one line: its height is one line's, not three stacked items.
  const lineHeight = await notice.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 24)
  const box = await notice.evaluate((el) => {
    const s = getComputedStyle(el)
    return el.clientHeight - Number.parseFloat(s.paddingTop) - Number.parseFloat(s.paddingBottom)
  })
  expect(box).toBeLessThan(lineHeight * 1.5)
})

test('a refused copy ("already exists" in the target) clears when another target is chosen', async ({ page }) => {
  const id = uid()
  const alice = api('alice')
  const source = await alice.createNamespace({ name: `e2e-copy-src-${id}`, description: '' })
  const taken = await alice.createNamespace({ name: `e2e-copy-taken-${id}`, description: '' })
  const free = await alice.createNamespace({ name: `e2e-copy-free-${id}`, description: '' })
  for (const ns of [source, taken])
    await alice.createHwm({ namespace_id: ns.id, name: 'orders', type: 'column_int', value: 1 })
  await page.goto(`/namespaces/${source.id}`)
  await logIn(page, 'admin')
  await page.getByRole('checkbox', { name: 'Select orders' }).check()
  await page.getByRole('button', { name: 'Copy to…' }).click()
  const copy = page.getByRole('dialog', { name: 'Copy 1 HWM' })
  await copy.getByLabel('Target namespace').selectOption({ label: taken.name })
  await copy.getByRole('button', { name: 'Copy', exact: true }).click()
  await expect(copy.getByRole('alert')).toContainText('Already exists')
  await copy.getByLabel('Target namespace').selectOption({ label: free.name })
  await expect(copy.getByRole('alert')).toHaveCount(0)
})

test('clicking the label focuses the CodeMirror editor', async ({ page }) => {
  const { editor, value } = await openHwm(page, 'column_int', 1)
  await editor.getByText('Value (JSON)', { exact: true }).click()
  await expect(value).toBeFocused()
})

test('while CodeMirror loads the textarea works, and typing carries over when it arrives', async ({ page }) => {
  const id = uid()
  const alice = api('alice')
  const ns = await alice.createNamespace({ name: `e2e-editor-slow-${id}`, description: '' })
  const hwm = await alice.createHwm({ namespace_id: ns.id, name: 'orders', type: 'column_int', value: 1 })
  // CodeMirror's chunk is held back until the test lets it go.
  let release = () => {}
  const held = new Promise<void>((r) => {
    release = r
  })
  await page.route(/JsonCodeMirror-.*\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await page.goto(`/hwm/${hwm.id}`)
  await logIn(page, 'admin')
  const editor = page.getByRole('region', { name: 'Edit' })
  const value = editor.getByLabel('Value (JSON)')
  await expect(editor.locator('textarea.code-input')).toHaveValue('1')
  await value.click()
  await value.press('End')
  await value.pressSequentially('23')
  await expect(editor.getByText('Valid JSON: an integer.')).toBeVisible()
  await expect(save(editor)).toBeEnabled()
  release()
  await expect(editor.locator('.cm-content')).toBeVisible()
  await expect(editor.locator('textarea.code-input')).toHaveCount(0)
  await expect(value).toBeFocused()
  await value.press('4')
  await expect(value).toHaveText('1234')
})
