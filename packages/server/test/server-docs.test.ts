/**
 * `/openapi.json` and `/docs` over real HTTP, as Horizon 1.1.3 serves them (status codes, content
 * types, 405, the trailing-slash 307), with Swagger UI's files served by this server; then Swagger UI
 * rendering the operations in Chromium with every request outside this server refused.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { chromiumLaunch, hasChromium } from '../../../tests/support/chromium.js'
import { compactJson } from '../src/docs-files.js'
import { createHorizonApp, type HorizonServer, startHorizonServer } from '../src/index.js'

const require = createRequire(import.meta.url)
const specPath = require.resolve('@horizon-ts/core/package.json').replace(/package\.json$/, 'openapi/openapi.json')
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string; summary: string }>>
}
const swaggerVersion = (require('swagger-ui-dist/package.json') as { version: string }).version

let server: HorizonServer
beforeAll(async () => {
  server = await startHorizonServer({ port: 0 })
})
afterAll(async () => {
  await server.close()
})

const get = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init })

describe('/openapi.json', () => {
  it('is the document the types come from, written compactly as FastAPI writes it', async () => {
    const res = await get('/openapi.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    const text = await res.text()
    expect(JSON.parse(text)).toEqual(spec)
    // no whitespace (the same length as JSON.stringify's), and the file's own key order, which
    // JSON.stringify would change: it puts "401" before "422", as the real server does not
    expect(text.length).toBe(JSON.stringify(spec).length)
    expect(text.indexOf('"422"')).toBeLessThan(text.indexOf('"401"'))
    expect(res.headers.get('content-length')).toBe(String(new TextEncoder().encode(text).length))
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/)
  })

  it('answers HEAD with the length and no body, other methods 405 with Allow: HEAD, GET', async () => {
    const head = await get('/openapi.json', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(40_000)
    expect(await head.text()).toBe('')
    const post = await get('/openapi.json', { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('HEAD, GET')
    expect(await post.json()).toEqual({ detail: 'Method Not Allowed' })
  })

  it('redirects its trailing-slash form, as Starlette does', async () => {
    const res = await get('/openapi.json/?a=1')
    expect(res.status).toBe(307)
    expect(res.headers.get('location')).toBe(`${server.url}/openapi.json?a=1`)
  })
})

describe('compactJson', () => {
  it('drops whitespace between tokens only, keeping strings (escaped quotes included) and key order', () => {
    const text = '{\n  "b a": "x \\" y",\n  "2": [1, 2],\n\t"1": {"k": "\\\\ "}\r\n}'
    expect(compactJson(text)).toBe('{"b a":"x \\" y","2":[1,2],"1":{"k":"\\\\ "}}')
    expect(JSON.parse(compactJson(text))).toEqual(JSON.parse(text))
  })
})

describe('/docs', () => {
  let html = ''
  beforeAll(async () => {
    const res = await get('/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    html = await res.text()
  })

  it('is the Swagger UI page of FastAPI, pointed at /openapi.json, loading nothing from elsewhere', () => {
    expect(html).toContain('<title>Horizon - Swagger UI</title>')
    expect(html).toContain("new URL('openapi.json', window.location.href)")
    expect(html).toContain("new URL('docs/oauth2-redirect', window.location.href)")
    const urls = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1])
    expect(urls).toEqual([
      'static/swagger/swagger-ui.css',
      'static/swagger/favicon-32x32.png',
      'static/swagger/swagger-ui-bundle.js',
    ])
    expect(html).not.toMatch(/https?:\/\//)
  })

  it('serves the assets it loads, from swagger-ui-dist, with their content types and an ETag', async () => {
    const types = {
      'swagger-ui.css': 'text/css; charset=utf-8',
      'favicon-32x32.png': 'image/png',
      'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
      'oauth2-redirect.js': 'text/javascript; charset=utf-8',
    }
    for (const [name, type] of Object.entries(types)) {
      const res = await get(`/static/swagger/${name}`)
      expect(res.status, name).toBe(200)
      expect(res.headers.get('content-type'), name).toBe(type)
      // Buffer.equals: toEqual walks 1.7 MB element by element
      const same = Buffer.from(await res.arrayBuffer()).equals(readFileSync(require.resolve(`swagger-ui-dist/${name}`)))
      expect(same, name).toBe(true)
      expect(res.headers.get('etag')).toBe(`"swagger-ui-dist@${swaggerVersion}/${name}"`)
    }
  })

  it('answers a matching If-None-Match with 304', async () => {
    const etag = (await get('/static/swagger/swagger-ui.css', { method: 'HEAD' })).headers.get('etag')!
    const res = await get('/static/swagger/swagger-ui.css', { headers: { 'if-none-match': etag } })
    expect(res.status).toBe(304)
    expect(await res.text()).toBe('')
  })

  it("serves only Swagger UI's own files: anything else under /static/swagger/ is 404", async () => {
    for (const path of [
      '/static/swagger/package.json',
      '/static/swagger/index.html',
      '/static/swagger/..%2Fpackage.json',
      '/static/swagger/',
      '/static/logo.svg',
    ]) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(await res.json()).toEqual({ detail: 'Not Found' })
    }
  })

  it('has the OAuth2 redirect page, GET and HEAD only, and redirects /docs/', async () => {
    const redirect = await get('/docs/oauth2-redirect')
    expect(redirect.status).toBe(200)
    expect(redirect.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await redirect.text()).toContain('<script src="../static/swagger/oauth2-redirect.js"></script>')
    const post = await get('/docs', { method: 'PUT' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('HEAD, GET')
    const slash = await get('/docs/')
    expect(slash.status).toBe(307)
    expect(slash.headers.get('location')).toBe(`${server.url}/docs`)
  })
})

describe('without a file system (a browser page)', () => {
  it('answers 404 for the docs paths and the API as usual', async () => {
    const app = createHorizonApp()
    const processGlobal = globalThis.process
    // What a browser has: no `process`, hence no getBuiltinModule. The files are cached once read, so
    // a fresh module instance is needed to see the absence.
    vi.resetModules()
    const fresh = await import('../src/docs-files.js')
    Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true, writable: true })
    try {
      expect(await fresh.openapiDocument()).toBeNull()
      expect(await fresh.swaggerAsset('swagger-ui.css')).toBeNull()
    } finally {
      Object.defineProperty(globalThis, 'process', { value: processGlobal, configurable: true, writable: true })
    }
    // and the app, its files already read, still answers the API
    expect((await app.request('/monitoring/ping')).status).toBe(200)
  })
})

describe.skipIf(!hasChromium())('Swagger UI in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch(chromiumLaunch())
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('renders every operation of the document, offline: nothing is requested outside this server', async () => {
    const page = await browser.newPage()
    const outside: string[] = []
    await page.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(server.url)) return route.continue()
      outside.push(url)
      return route.abort()
    })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${server.url}/docs`)
    await page.waitForSelector('.opblock', { timeout: 30_000 })
    const operations = Object.values(spec.paths).flatMap((methods) => Object.values(methods))
    const ids = await page.$$eval('.opblock', (blocks) => blocks.map((b) => b.id))
    expect(ids).toHaveLength(operations.length)
    const title = await page.textContent('.info .title')
    expect(title).toContain('Horizon')
    expect(outside).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)
})
