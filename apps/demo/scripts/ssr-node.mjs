// Serves the server-rendered admin UI (src/ssr/) on Node: in production from the two builds
// (dist/ for the browser, dist-ssr/ for the server), in development through Vite in middleware mode.
// Used by scripts/ssr-server.mjs (the command) and by the browser suite, which starts its own.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getRequestListener } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The browser build (dist/) and the server build (dist-ssr/server-app.js), as `pnpm build:ssr` makes them. */
export async function buildSsr() {
  const { build } = await import('vite')
  await build({ root, logLevel: 'warn' })
  await build({
    root,
    logLevel: 'warn',
    build: { ssr: 'src/ssr/server-app.ts', outDir: 'dist-ssr', emptyOutDir: true },
  })
}

async function devHandler(options, httpServer) {
  const { createServer: createVite } = await import('vite')
  // HMR on this server's own port: two of these (or a Vite beside it) never fight over a port.
  const server = { middlewareMode: true, ws: { server: httpServer } }
  const vite = await createVite({ root, server, appType: 'custom', logLevel: 'warn' })
  const raw = await readFile(join(root, 'index.html'), 'utf8')
  // Loaded once: the sessions live in it (loading the module again would sign everyone out).
  const { createSsrApp } = await vite.ssrLoadModule('/src/ssr/server-app.ts')
  const { app } = createSsrApp({
    ...options,
    template: (url) => vite.transformIndexHtml(url.pathname + url.search, raw),
  })
  const listener = getRequestListener(app.fetch)
  return { handler: (req, res) => vite.middlewares(req, res, () => listener(req, res)), close: () => vite.close() }
}

async function productionHandler(options) {
  let createSsrApp
  try {
    ;({ createSsrApp } = await import(join(root, 'dist-ssr', 'server-app.js')))
  } catch (error) {
    throw new Error(`the server build is missing (${error.code ?? error.message}): run pnpm build:ssr first`)
  }
  const template = await readFile(join(root, 'dist', 'index.html'), 'utf8')
  const { app } = createSsrApp({ ...options, template: async () => template })
  const dist = join(root, 'dist')
  const outer = new Hono()
  // Hashed names: cached for good. index.html is never served as a file: every page is rendered.
  const immutable = (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable')
  outer.use('/assets/*', serveStatic({ root: dist, onFound: immutable }))
  outer.use('/favicon.svg', serveStatic({ root: dist }))
  outer.route('/', app)
  return { handler: getRequestListener(outer.fetch), close: async () => {} }
}

/**
 * Starts the server-rendered UI on `host:port` (port 0: a free one).
 * `options`: `horizonUrl` (required), `dev`, `port`, `host`, `sessions` (HorizonSessions settings)
 * and `sso` (an identity provider: issuer, clientId, clientSecret, resource, scope).
 * Resolves with its URL and a `close()`.
 */
export async function startSsrServer({ dev = false, port = 0, host = '127.0.0.1', ...options }) {
  let handler = (_req, res) => res.writeHead(503).end()
  const server = createServer((req, res) => handler(req, res))
  const built = await (dev ? devHandler(options, server) : productionHandler(options))
  handler = built.handler
  const close = built.close
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  return {
    url: `http://${host}:${server.address().port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => close().then(resolve, resolve))
      }),
  }
}
