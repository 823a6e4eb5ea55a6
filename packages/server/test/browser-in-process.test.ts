/**
 * `@horizon-ts/server/app` in a browser: its bundle for the browser reaches no Node module, and in
 * real Chromium the client runs on the app inside the page (login, create, read, an int64 round
 * trip) without one request to the Horizon URL it was given.
 */
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { builtinModules, createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumLaunch, hasChromium } from '../../../tests/support/chromium.js'
import { faultResponse } from '../src/fault-responses.js'
import type { Fault } from '../src/faults.js'

// esbuild and playwright-core are dev dependencies of @horizon-ts/core (its own browser test),
// borrowed from there rather than installed twice.
const fromCore = createRequire(fileURLToPath(new URL('../../core/package.json', import.meta.url)))
const load = async <T>(name: string): Promise<T> => (await import(pathToFileURL(fromCore.resolve(name)).href)) as T
type Esbuild = typeof import('../../core/node_modules/esbuild')
type Playwright = typeof import('../../core/node_modules/playwright-core')

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const BUILT = here('../dist/app.js')
const SOURCE = here('../src/app-entry.ts')
const PAGE_ENTRY = here('./fixtures/in-process-page.js')
// A name that never resolves (RFC 2606): the page would fail loudly if the client used the network.
const HORIZON = 'http://horizon.invalid'

const builtins = new Set(builtinModules)
const isNodeModule = (path: string) => path.startsWith('node:') || builtins.has(path.split('/')[0]!)

/**
 * Bundles `entry` (or `contents`) for the browser; answers the bundle and every import of a Node
 * module or of a server adapter (`@hono/node-server`), each with the file that made it.
 */
async function browserBundle(options: { entry?: string; contents?: string }) {
  const { build } = await load<Esbuild>('esbuild')
  const forbidden: string[] = []
  const result = await build({
    ...(options.entry
      ? { entryPoints: [options.entry] }
      : { stdin: { contents: options.contents ?? '', resolveDir: here('./fixtures'), loader: 'js' as const } }),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'node-imports',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (!isNodeModule(args.path) && !/^@hono\/node-server/.test(args.path)) return undefined
            forbidden.push(`${args.path} (imported by ${args.importer.replace(/^.*\/packages\//, 'packages/')})`)
            return { path: args.path, external: true }
          })
        },
      },
    ],
  })
  return { js: result.outputFiles[0]!.text, forbidden }
}

const notBuilt = !existsSync(BUILT) && !process.env.CI

describe('@horizon-ts/server/app bundles for the browser without Node', () => {
  it('its sources import no node: module and no @hono/node-server', async () => {
    expect((await browserBundle({ entry: SOURCE })).forbidden).toEqual([])
  })

  it("injected faults name each status as node:http's STATUS_CODES does, with no node:http", async () => {
    const { STATUS_CODES } = await import('node:http')
    const fault = (status: number): Fault => ({ kind: 'status', status, id: 1, seen: 0, hits: 0 })
    for (const [code, phrase] of Object.entries(STATUS_CODES)) {
      const status = Number(code)
      if (status < 400 || status === 500 || status === 503) continue // 500 and 503 are Horizon's own
      if (status === 502 || status === 504) {
        expect(await faultResponse(fault(status)).text()).toContain(`<title>${status} ${phrase}</title>`)
        continue
      }
      expect((await faultResponse(fault(status)).json()).error.message, code).toBe(phrase)
    }
  })

  it.skipIf(notBuilt)('nor does the built entry, as a bundler resolves it through package.json exports', async () => {
    expect(existsSync(BUILT), `${BUILT} is missing: build the packages first (pnpm build)`).toBe(true)
    const { forbidden } = await browserBundle({ contents: "export * from '@horizon-ts/server/app'" })
    expect(forbidden).toEqual([])
  })
})

describe.skipIf(notBuilt || (!hasChromium() && !process.env.CI))(
  'in Chromium: the client on the app, in the page',
  () => {
    let pages: Server
    let origin = ''
    let browser: Awaited<ReturnType<Playwright['chromium']['launch']>>

    beforeAll(async () => {
      const { js } = await browserBundle({ entry: PAGE_ENTRY })
      const html = '<!doctype html><title>in process</title><script type="module" src="/page.js"></script>'
      pages = createServer((req, res) => {
        if (req.url === '/page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js)
        else res.writeHead(200, { 'content-type': 'text/html' }).end(html)
      })
      await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r))
      origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`
      const { chromium } = await load<Playwright>('playwright-core')
      browser = await chromium.launch(chromiumLaunch())
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      pages?.close()
    })

    it('logs in, creates a namespace and an HWM, reads an int beyond 2^53 back; no request leaves the page', async () => {
      const context = await browser.newContext()
      const tab = await context.newPage()
      const requests: string[] = []
      tab.on('request', (r) => requests.push(r.url()))
      const errors: string[] = []
      tab.on('pageerror', (e) => errors.push(e.message))
      await tab.goto(origin)
      await tab.waitForFunction('window.ready === true')
      const result = await tab.evaluate(`window.inProcessFlow(${JSON.stringify(HORIZON)})`)
      expect(result).toMatchObject({
        metrics: [200, true],
        who: 'chromium',
        owner: 'chromium',
        type: 'bigint',
        digits: '9223372036854775801',
      })
      // the demo seed's namespaces and ours, ordered by name
      const names = (result as { names: string[] }).names
      expect(names).toContain('from_the_page')
      expect(names.length).toBeGreaterThan(1)
      expect([...names].sort()).toEqual(names)
      expect(errors).toEqual([])
      // The page and its script only, from the page's own origin: nothing went to the Horizon URL.
      expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([])
      expect(requests.some((url) => url.startsWith(HORIZON))).toBe(false)
      await context.close()
    })
  },
)
