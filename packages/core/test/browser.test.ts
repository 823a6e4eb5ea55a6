import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { type HorizonServer, startHorizonServer } from '@horizon-ts/server'
import { build } from 'esbuild'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumLaunch, hasChromium } from '../../../tests/support/chromium.js'

// The real client in real Chromium, on another origin than the API: CORS is exercised for real.

// The scenarios run in the page as plain modules (vitest must not transform them).
const PAGE = `<!doctype html><title>horizon-ts</title><script type="module">
import { HorizonClient, LoginPassword } from '/client.js'
window.fullFlow = async (baseUrl) => {
  const client = new HorizonClient({ baseUrl, auth: new LoginPassword({ login: 'browser', password: 'pw' }) })
  const ns = await client.createNamespace({ name: 'from_chromium' })
  const hwm = await client.createHwm({ namespace_id: ns.id, name: 'h', type: 'column_int', value: 1 })
  await client.updateHwm(hwm.id, { value: 2 })
  const history = await client.paginateHwmHistory({ hwm_id: hwm.id })
  const requestIds = []
  await client.with({ hooks: { onResponse: (e) => requestIds.push(e.requestId ?? '') } }).ping()
  return { who: (await client.whoami()).username, actions: history.items.map((h) => h.action), requestIds }
}
window.exactRoundTrip = async () => {
  const client = new HorizonClient({ baseUrl: location.origin + '/api', retry: false })
  const h = await client.getHwm(7)
  await client.updateHwm(7, { value: h.value })
  return { types: [typeof h.value.offset, typeof h.value.small], digits: String(h.value.offset) }
}
window.pingName = (baseUrl) => new HorizonClient({ baseUrl, retry: false }).ping().then(() => 'no error', (e) => e.name)
window.ready = true
</script>`

const EXACT_HWM =
  '{"id":7,"namespace_id":1,"name":"o","description":"","type":"t","value":{"offset":1733080000123456789,"small":5},"entity":null,"expression":null,"changed_at":"2026-12-01T10:00:00Z","changed_by":"x"}'
/** Bodies of the PATCHes the page sent, as text. */
const patched: string[] = []

describe.skipIf(!hasChromium() && !process.env.CI)('the client in Chromium', () => {
  let page: Server
  let origin = ''
  let api: HorizonServer
  let closedApi: HorizonServer
  let browser: Browser

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
    })
    const js = bundle.outputFiles[0]!.text
    page = createServer((req, res) => {
      // Exact values on the wire, same origin: the page reads an int64 and writes it back.
      if (req.url?.startsWith('/api/v1/hwm/7')) {
        let body = ''
        req.on('data', (c) => {
          body += c
        })
        req.on('end', () => {
          if (req.method === 'PATCH') patched.push(body)
          res.writeHead(200, { 'content-type': 'application/json' }).end(EXACT_HWM)
        })
        return
      }
      if (req.url === '/client.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js)
      else res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE)
    })
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', r))
    origin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`
    api = await startHorizonServer({ port: 0, cors: { origins: [origin] } })
    closedApi = await startHorizonServer({ port: 0, cors: { origins: [] } })
    browser = await chromium.launch(chromiumLaunch())
  }, 60_000)

  /**
   * Runs `use` on a fresh tab of the page, closed whatever happens. Playwright's own timeout is set
   * below the test's: a step too slow on a loaded machine fails in its own test, naming the step,
   * instead of running on after the test has timed out until afterAll closes the browser under it.
   */
  async function inTab<T>(use: (tab: Page) => Promise<T>): Promise<T> {
    const tab = await browser.newPage()
    tab.setDefaultTimeout(20_000)
    try {
      await tab.goto(origin)
      await tab.waitForFunction('window.ready === true')
      return await use(tab)
    } finally {
      await tab.close()
    }
  }

  afterAll(async () => {
    await browser?.close()
    await api?.close()
    await closedApi?.close()
    page?.close()
  })

  it('logs in, creates, updates and reads history through CORS', async () => {
    const result = (await inTab((tab) => tab.evaluate(`window.fullFlow(${JSON.stringify(api.url)})`))) as {
      who: string
      actions: string[]
      requestIds: string[]
    }
    expect(result.who).toBe('browser')
    expect(result.actions).toEqual(['Updated', 'Created'])
    expect(result.requestIds[0]).toMatch(/^\w{8,}$/)
  })

  it('int64 values keep their digits in Chromium (read and written back)', async () => {
    const result = await inTab((tab) => tab.evaluate('window.exactRoundTrip()'))
    expect(result).toEqual({ types: ['bigint', 'number'], digits: '1733080000123456789' })
    expect(patched.at(-1)).toBe('{"value":{"offset":1733080000123456789,"small":5}}')
  })

  it('a server that does not allow the origin surfaces as NetworkError', async () => {
    const name = await inTab((tab) => tab.evaluate(`window.pingName(${JSON.stringify(closedApi.url)})`))
    expect(name).toBe('NetworkError')
  })
})
