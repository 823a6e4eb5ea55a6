#!/usr/bin/env node
// `npm run demo`: the Horizon dev server with demo data and the app's Vite dev server, one URL to
// open, the demo users, and Ctrl-C stops both. Node built-ins only (nothing else is guaranteed to be
// installed when this runs). The app reaches Horizon through Vite's /horizon-api proxy, so no CORS
// setup is needed and any free ports work. `--data <path>` keeps the server's data across runs.
// `--ssr` serves the app from Node instead (scripts/ssr-server.mjs --dev): server-rendered pages and
// a session held by that server (httpOnly cookie); reloads and new tabs stay signed in.
// `--sso` adds a local OpenID provider (scripts/dev-idp.mjs) and "Sign in with SSO": the Horizon
// dev server trusts its tokens, as the gateway in front of a real Horizon would.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const app = fileURLToPath(new URL('..', import.meta.url))
const root = fileURLToPath(new URL('../../..', import.meta.url))
const serverCli = `${root}packages/server/dist/cli.js`
const vite = `${app}node_modules/vite/bin/vite.js`
const HOST = '127.0.0.1'
// --data: the dev server keeps its data in that file or directory (created from the demo seed).
const { values: flags } = parseArgs({
  options: {
    data: { type: 'string' },
    ssr: { type: 'boolean', default: false },
    sso: { type: 'boolean', default: false },
  },
  strict: true,
})

for (const file of [serverCli, `${root}packages/core/dist/index.js`, `${root}packages/react/dist/index.js`]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: build the packages first (from the repo root: npm run demo, or pnpm run build).`)
    process.exit(1)
  }
}

/** `preferred` if it is free on HOST, otherwise a free port chosen by the OS. */
function freePort(preferred) {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => {
      const any = createServer().listen(0, HOST, () => {
        const { port } = any.address()
        any.close(() => resolve(port))
      })
    })
    probe.listen(preferred, HOST, () => probe.close(() => resolve(preferred)))
  })
}

/** Resolves once `url` answers (any status), or rejects after `ms`. */
async function waitFor(url, ms = 30_000) {
  const until = Date.now() + ms
  for (;;) {
    try {
      await fetch(url)
      return
    } catch {
      if (Date.now() > until) throw new Error(`${url} did not answer within ${ms / 1000} s`)
      await new Promise((r) => setTimeout(r, 150))
    }
  }
}

const children = []
let stopping = false

function stop(code = 0) {
  if (stopping) return
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  // Give them a moment to close their sockets, then leave regardless.
  setTimeout(() => process.exit(code), 1500).unref()
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() =>
    process.exit(code),
  )
}

function start(name, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: app,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  child.once('exit', (code, signal) => {
    // Ctrl-C reaches the children too (one process group): one may exit before our SIGINT handler has
    // run. Give the handler a moment, so a Ctrl-C stops the demo quietly with status 0.
    setTimeout(() => {
      if (stopping) return
      console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the demo.`)
      stop(1)
    }, 300)
  })
  children.push(child)
  return child
}

process.on('SIGINT', () => stop(0)) // on, not once: pnpm forwards a second SIGINT
process.on('SIGTERM', () => stop(0))

const horizonPort = await freePort(8000)
const appPort = await freePort(5173)
const horizonUrl = `http://${HOST}:${horizonPort}`
const appUrl = `http://${HOST}:${appPort}/`

// --sso: the provider first, since the dev server is told to trust it. Its secret is made here and
// handed to the SSR server through its environment, never on a command line.
const sso = flags.sso ? await startProvider() : undefined
async function startProvider() {
  const { RESOURCE, SPA_CLIENT, SSR_CLIENT, startDevIdp } = await import('./dev-idp.mjs')
  const clientSecret = crypto.randomUUID()
  const idp = await startDevIdp({ apps: [appUrl], clientSecret })
  return { idp, RESOURCE, SPA_CLIENT, SSR_CLIENT, clientSecret }
}

// The server prints its own URL and the demo users: keep the users, leave the URL (one URL only).
const horizon = start('The Horizon dev server', [
  serverCli,
  '--port',
  String(horizonPort),
  '--seed',
  'demo',
  '--superadmin',
  'admin',
  ...(flags.data ? ['--data', flags.data] : []),
  ...(sso ? ['--trust-issuer', sso.idp.issuer, '--trust-audience', sso.RESOURCE] : []),
])
let serverOutput = ''
horizon.stdout.setEncoding('utf8').on('data', (chunk) => {
  serverOutput += chunk
})

const appEnv = {
  HORIZON_PROXY_TARGET: horizonUrl,
  VITE_HORIZON_URL: '/horizon-api',
  VITE_DEMO_USERS: 'admin,alice,bob,carol',
  ...(sso && !flags.ssr
    ? { VITE_OIDC_ISSUER: sso.idp.issuer, VITE_OIDC_CLIENT_ID: sso.SPA_CLIENT, VITE_OIDC_RESOURCE: sso.RESOURCE }
    : {}),
  ...(sso && flags.ssr ? { HORIZON_OIDC_CLIENT_SECRET: sso.clientSecret } : {}),
}
const ssoFlags = sso
  ? ['--oidc-issuer', sso.idp.issuer, '--oidc-client-id', sso.SSR_CLIENT, '--oidc-resource', sso.RESOURCE]
  : []
// The SSR server prints its own URL line: left out, as the Horizon server's is (one URL only).
const appProcess = flags.ssr
  ? start(
      'The SSR server',
      [
        `${app}scripts/ssr-server.mjs`,
        ...['--dev', '--horizon', horizonUrl, '--host', HOST, '--port', String(appPort), ...ssoFlags],
      ],
      appEnv,
    )
  : start('Vite', [vite, '--host', HOST, '--port', String(appPort), '--strictPort', '--logLevel', 'warn'], appEnv)
if (!flags.ssr) appProcess.stdout.pipe(process.stdout)

try {
  await Promise.all([waitFor(`${horizonUrl}/monitoring/ping`), waitFor(appUrl)])
} catch (error) {
  console.error(error.message)
  stop(1)
}

if (!stopping) {
  const users = serverOutput
    .split('\n')
    .filter((line) => /^\s+\w+\s+\/\s/.test(line))
    .map((line) => `  ${line.trim()}`)
  console.log(`
  Horizon admin (${flags.ssr ? 'server-rendered, ' : ''}${flags.data ? `data kept in ${flags.data}` : 'demo data, in memory'}): ${appUrl}

  Demo users (any password works):
${users.join('\n')}

  The login form is prefilled for admin.${sso ? ' "Sign in with SSO" takes any name at the local identity provider.' : ''}${flags.ssr ? ' The session is kept by the Node server: reloads stay signed in.' : ''} Ctrl-C stops everything.
`)
}
