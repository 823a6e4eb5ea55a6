import { createServer } from 'node:net'
import { startHorizonServer } from '@horizon-ts/server'
import type { Page } from '@playwright/test'
import { createServer as createVite, type ViteDevServer } from 'vite'
import { RESOURCE, SPA_CLIENT, SSR_CLIENT, startDevIdp } from '../../scripts/dev-idp.mjs'
import { startSsrServer } from '../../scripts/ssr-node.mjs'
import { APP_DIR } from '../env'

/** A free port on 127.0.0.1: the provider's must be known before the apps that name it start. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export interface SsoWorld {
  /** the browser app (Vite, built with the provider's settings) */
  spaUrl: string
  /** the server-rendered app, a confidential client of the same provider */
  ssrUrl: string
  idp: Awaited<ReturnType<typeof startDevIdp>>
  /** the provider's issuer URL */
  issuer: string
  close(): Promise<void>
}

/**
 * An identity provider (oidc-provider) whose access tokens live `accessTokenSeconds`, a Horizon dev
 * server that trusts it (as the gateway in front of a real Horizon would), and the demo twice: in
 * the browser (OidcLogin) and on the SSR server (confidential client), all on 127.0.0.1.
 */
export async function startSsoWorld(accessTokenSeconds: number): Promise<SsoWorld> {
  const idpPort = await freePort()
  const issuer = `http://127.0.0.1:${idpPort}`
  const horizon = await startHorizonServer({
    port: 0,
    seed: 'demo',
    trustIssuer: { issuer, audience: RESOURCE },
  })
  // The browser app reads its settings from the environment when Vite starts.
  Object.assign(process.env, {
    HORIZON_PROXY_TARGET: horizon.url,
    VITE_HORIZON_URL: '/horizon-api',
    VITE_OIDC_ISSUER: issuer,
    VITE_OIDC_CLIENT_ID: SPA_CLIENT,
    VITE_OIDC_RESOURCE: RESOURCE,
  })
  const vite: ViteDevServer = await createVite({
    root: APP_DIR,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
  })
  await vite.listen()
  const spaUrl = vite.resolvedUrls!.local[0]!
  const clientSecret = crypto.randomUUID()
  const ssr = await startSsrServer({
    horizonUrl: horizon.url,
    sso: { issuer, clientId: SSR_CLIENT, clientSecret, resource: RESOURCE },
  })
  const idp = await startDevIdp({ port: idpPort, apps: [spaUrl, ssr.url], clientSecret, accessTokenSeconds })
  return {
    spaUrl,
    ssrUrl: ssr.url,
    idp,
    issuer,
    async close() {
      await Promise.all([vite.close(), ssr.close(), idp.close(), horizon.close()])
    },
  }
}

/** At the provider's pages: sign in as `login` (any password), consent when asked, until back in the app. */
export async function atProvider(page: Page, login: string, issuer: string): Promise<void> {
  const atIdp = (url: URL) => url.origin === new URL(issuer).origin
  await page.waitForURL(/\/interaction\//)
  await page.locator('input[name=login]').fill(login)
  await page.locator('input[name=password]').fill('any')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  const consent = page.getByRole('button', { name: 'Continue' })
  // The consent page comes the first time this client asks; afterwards the provider remembers.
  await Promise.race([consent.waitFor(), page.waitForURL((url) => !atIdp(url))])
  if (atIdp(new URL(page.url()))) await consent.click()
}

/** At the provider's sign-out page: confirm. */
export async function confirmProviderSignOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /yes, sign me out/i }).click()
}
