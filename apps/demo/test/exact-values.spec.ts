import { HORIZON_URL } from './env'
import { api, expect, logIn, test, tokenFor, uid } from './fixtures'

// An int64 Kafka offset and 2^64 (beyond int64 too): a JavaScript number would round both
// (to 1733080000123456800 and 18446744073709552000).
const OFFSET = '1733080000123456789'
const TS = '18446744073709551616'

/** What the server holds, as the text it answers: never through JSON.parse, which would round it. */
async function rawText(path: string, token: string): Promise<string> {
  const res = await fetch(`${HORIZON_URL}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  return res.text()
}

/** Whether raw JSON text holds `"key": digits` exactly (the digits not followed by more digits). */
const holds = (text: string, key: string, digits: string) => new RegExp(`"${key}":\\s*${digits}(?![\\d.eE])`).test(text)

test('an HWM value beyond 2^53 keeps every digit: shown, edited, saved twice', async ({ page }) => {
  const id = uid()
  const ns = await api('admin').createNamespace({ name: `e2e-exact-${id}`, description: 'big integers' })
  const token = await tokenFor('admin')
  // Seeded with a raw body, so no JavaScript number ever holds the value on the way in.
  const created = await fetch(`${HORIZON_URL}/v1/hwm/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: `{"namespace_id": ${ns.id}, "name": "kafka.orders", "type": "key_value_int", "value": {"offset": ${OFFSET}, "ts": ${TS}}}`,
  })
  expect(created.status).toBe(201)
  const hwmId = (JSON.parse(await created.text()) as { id: number }).id
  const stored = () => rawText(`/v1/hwm/${hwmId}`, token)
  expect(holds(await stored(), 'offset', OFFSET), 'the dev server keeps the digits it is sent').toBe(true)
  expect(holds(await stored(), 'ts', TS)).toBe(true)

  // Shown with every digit: the list, the current value, the editor, the history.
  await page.goto(`/namespaces/${ns.id}`)
  await logIn(page, 'admin')
  const table = page.getByRole('table', { name: 'HWMs' })
  await expect(table).toContainText(`{"offset":${OFFSET},"ts":${TS}}`)
  await table.getByRole('link', { name: 'kafka.orders' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'kafka.orders' })).toBeVisible()
  const pretty = `{\n  "offset": ${OFFSET},\n  "ts": ${TS}\n}`
  const current = page.getByRole('region', { name: 'Current value' })
  await expect(current.getByRole('figure', { name: 'Value' }).locator('pre')).toHaveText(pretty)
  const editor = page.getByRole('region', { name: 'Edit' })
  const valueBox = editor.getByLabel('Value (JSON)')
  // The editor (CodeMirror, a contenteditable) holds the text: its lines read with their line breaks.
  await expect(valueBox).toHaveText(pretty, { useInnerText: true })
  await expect(editor.getByText('Valid JSON: an object with 2 key(s).')).toBeVisible()
  const history = page.getByRole('list', { name: 'HWM history' })
  await expect(history.getByRole('listitem').first().getByRole('figure', { name: 'Value' }).locator('pre')).toHaveText(
    pretty,
  )

  // Another field only: the value is not sent again (the history row names the description alone).
  await editor.getByLabel('Description', { exact: false }).fill('Orders topic, partition 0')
  await editor.getByRole('button', { name: 'Save changes' }).click()
  await expect(history.getByRole('listitem')).toHaveCount(2)
  await expect(history.getByRole('listitem').first()).toContainText('Changed: description')
  await expect(current).toContainText('Orders topic, partition 0')
  const afterDescription = await stored()
  expect(holds(afterDescription, 'offset', OFFSET)).toBe(true)
  expect(holds(afterDescription, 'ts', TS)).toBe(true)

  // The value text itself: another key added, the digits left as the app wrote them, then Format.
  await expect(valueBox).toHaveText(pretty, { useInnerText: true }) // the editor started again from what the server holds
  // biome-ignore lint/performance/useDomNodeTextContent: CodeMirror's lines are elements; only innerText keeps their line breaks
  const text = await valueBox.innerText()
  await valueBox.fill(text.replace('{', '{"partition": 3, '))
  await expect(editor.getByText('Valid JSON: an object with 3 key(s).')).toBeVisible()
  await editor.getByRole('button', { name: 'Format' }).click()
  const edited = `{\n  "partition": 3,\n  "offset": ${OFFSET},\n  "ts": ${TS}\n}`
  await expect(valueBox).toHaveText(edited, { useInnerText: true })
  await editor.getByRole('button', { name: 'Save changes' }).click()
  await expect(history.getByRole('listitem')).toHaveCount(3)
  await expect(history.getByRole('listitem').first()).toContainText('Changed: value')
  await expect(current.getByRole('figure', { name: 'Value' }).locator('pre')).toHaveText(edited)

  // Read back as text: the digits are identical, in the HWM and in every history row.
  const final = await stored()
  expect(holds(final, 'offset', OFFSET), final).toBe(true)
  expect(holds(final, 'ts', TS), final).toBe(true)
  expect(holds(final, 'partition', '3'), final).toBe(true)
  const rows = await rawText(`/v1/hwm-history/?hwm_id=${hwmId}`, token)
  expect(rows.match(new RegExp(`"offset":\\s*${OFFSET}(?!\\d)`, 'g')), rows).toHaveLength(3)
  expect(rows.match(new RegExp(`"ts":\\s*${TS}(?!\\d)`, 'g')), rows).toHaveLength(3)
})
