import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { LOCAL_ADMIN, PASSWORD, serverArgs } from '../../../tests/support/target.js'

/**
 * Ports and URLs of the servers the suite starts. Chosen once, in Playwright's main process, and
 * handed to the workers through the environment (workers inherit it), so every process agrees.
 * Free ports are asked of the OS: another run or a dev server on the machine cannot collide.
 */
function freePorts(count: number): number[] {
  const script = `
    const net = require('node:net')
    const servers = Array.from({ length: ${count} }, () => net.createServer().listen(0, '127.0.0.1'))
    Promise.all(servers.map((s) => new Promise((r) => s.once('listening', r)))).then(() => {
      console.log(servers.map((s) => s.address().port).join(','))
      servers.forEach((s) => s.close())
    })`
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim().split(',').map(Number)
}

if (!process.env.E2E_APP_PORT || !process.env.E2E_HORIZON_PORT || !process.env.E2E_SSR_PORT) {
  const [app, horizon, ssr] = freePorts(3)
  process.env.E2E_APP_PORT = String(app)
  process.env.E2E_HORIZON_PORT = String(horizon)
  process.env.E2E_SSR_PORT = String(ssr)
}

export const APP_URL = `http://127.0.0.1:${process.env.E2E_APP_PORT}`
export const HORIZON_URL = `http://127.0.0.1:${process.env.E2E_HORIZON_PORT}`
/** The server-rendered app (scripts/ssr-server.mjs, production build), in front of the same Horizon. */
export const SSR_URL = `http://127.0.0.1:${process.env.E2E_SSR_PORT}`

/**
 * The demo suite's Horizon: always the local dev server, whatever `HORIZON_URL` says (the suite injects
 * faults and reads the request log through its test-control API), started as a process by Playwright.
 * Its settings are tests/support/target.ts's defaults with the demo's differences: the `demo` seed,
 * the control API, the app's origin for CORS.
 */
export const SERVER_ARGS = serverArgs({
  port: Number(process.env.E2E_HORIZON_PORT),
  seed: 'demo',
  control: true,
  cors: { origins: [APP_URL] },
})
/** The superadmin and every user's password, by the rules of tests/support/target.ts. */
export { LOCAL_ADMIN as ADMIN, PASSWORD }

export const APP_DIR = fileURLToPath(new URL('..', import.meta.url))
export const SERVER_CLI = fileURLToPath(new URL('../../../packages/server/dist/cli.js', import.meta.url))

/** The suite runs the packages' builds (as a user would); say so plainly when they are missing. */
export function assertPackagesBuilt(): void {
  const missing = ['server/dist/cli.js', 'core/dist/index.js', 'react/dist/index.js'].filter(
    (p) => !existsSync(fileURLToPath(new URL(`../../../packages/${p}`, import.meta.url))),
  )
  if (missing.length)
    throw new Error(
      `packages/${missing.join(', packages/')} missing: build the packages first ` +
        "(cd /work/main && corepack pnpm -r --filter './packages/**' run build)",
    )
}
