import { expect, type Page } from '@playwright/test'

/** Goes to an in-app path without a reload (credentials live in memory: a reload would ask again). */
export async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => window.history.pushState(null, '', to), path)
}

/** The whole page does not scroll sideways. */
export async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const { scroll, client, culprits } = await page.evaluate(() => {
    const client = document.documentElement.clientWidth
    // For the failure message: the innermost elements that reach past the right edge.
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > client + 1)
      .filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > client + 1))
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`)
    return { scroll: document.documentElement.scrollWidth, client, culprits }
  })
  expect
    .soft(scroll, `${screen}: page scrollWidth ≤ clientWidth (too wide: ${culprits.join(' ')})`)
    .toBeLessThanOrEqual(client)
}

/**
 * Every column header of every table on screen is inside the viewport horizontally and has a size.
 * Headers a narrow layout drops (display: none, their content moved to a second line) are not in
 * the accessibility tree, so `getByRole` does not list them; `minHeaders` says how many must remain.
 */
export async function expectHeadersInView(page: Page, screen: string, minHeaders: Record<string, string[]>) {
  const width = page.viewportSize()!.width
  for (const [table, names] of Object.entries(minHeaders)) {
    const headers = page.getByRole('table', { name: table }).getByRole('columnheader')
    const seen: string[] = []
    for (const header of await headers.all()) {
      const box = await header.boundingBox()
      const name = (await header.textContent())?.trim() ?? ''
      expect.soft(box, `${screen}: header "${name}" of ${table} has a box`).not.toBeNull()
      if (!box) continue
      seen.push(name)
      expect.soft(box.width * box.height, `${screen}: header "${name}" has a size`).toBeGreaterThan(0)
      expect.soft(box.x, `${screen}: header "${name}" starts inside the viewport`).toBeGreaterThanOrEqual(0)
      expect.soft(box.x + box.width, `${screen}: header "${name}" ends inside the viewport`).toBeLessThanOrEqual(width)
    }
    for (const name of names) expect.soft(seen, `${screen}: ${table} shows the "${name}" header`).toContain(name)
  }
}

/** No tab label is clipped: each tab's content fits its box. */
export async function expectTabsUnclipped(page: Page, screen: string): Promise<void> {
  const tabs = page.getByRole('navigation', { name: 'Namespace sections' }).getByRole('link')
  await expect(tabs).toHaveCount(4)
  const width = page.viewportSize()!.width
  for (const tab of await tabs.all()) {
    const label = (await tab.textContent()) ?? ''
    const fit = await tab.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
    expect.soft(fit.scroll, `${screen}: tab "${label}" is not clipped`).toBeLessThanOrEqual(fit.client)
    const box = await tab.boundingBox()
    expect.soft(box && box.x >= 0 && box.x + box.width <= width, `${screen}: tab "${label}" is in view`).toBe(true)
  }
}
