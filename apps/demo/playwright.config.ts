import { defineConfig } from '@playwright/test'
import { chromiumLaunch } from '../../tests/support/chromium'
import { APP_URL, assertPackagesBuilt, HORIZON_URL, SERVER_CLI, SSR_URL } from './test/env'

assertPackagesBuilt()

/**
 * The browser suite: Debian's chromium against the BUILT app (served by `vite preview`) and a
 * Horizon dev server with the test-control API, both started here on free 127.0.0.1 ports.
 * Reports: `list` on the console and JSON at test-results/results.json (CI reads its counts).
 */
// Playwright gives its web servers FORCE_COLOR=1; beside our NO_COLOR, Node then warns on every start
// that NO_COLOR is ignored. Under NO_COLOR, no colours and no warning.
const colors: Record<string, string> = process.env.NO_COLOR ? { FORCE_COLOR: '0' } : {}

export default defineConfig({
  testDir: './test',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One worker per core, in CI and locally alike (Playwright's default is half the cores: one on
  // the 2-core machines). More than that only slows every test down: the servers share the cores.
  workers: '100%',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: APP_URL,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      ...chromiumLaunch(),
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /test\/layout\// },
    // A long-lived production-like data set (test/layout/hostile-data.setup.ts), made once per run
    // after the web servers are up, and only when a layout test is selected.
    { name: 'hostile-data', testMatch: /test\/layout\/hostile-data\.setup\.ts$/ },
    {
      name: 'layout',
      use: { browserName: 'chromium' },
      testMatch: /test\/layout\/[^/]+\.spec\.ts$/,
      dependencies: ['hostile-data'],
    },
  ],
  webServer: [
    {
      env: colors,
      command: `node "${SERVER_CLI}" --port ${process.env.E2E_HORIZON_PORT} --seed demo --superadmin admin --control --cors-origin ${APP_URL}`,
      url: `${HORIZON_URL}/monitoring/ping`,
      reuseExistingServer: false,
      stdout: 'ignore',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2000 },
    },
    {
      command: 'node test/serve-app.mjs',
      url: APP_URL,
      reuseExistingServer: false,
      timeout: 120_000,
      // Direct calls through CORS by default; /horizon-api through the preview proxy for the proxy test.
      env: { ...colors, VITE_HORIZON_URL: HORIZON_URL, HORIZON_PROXY_TARGET: HORIZON_URL },
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2000 },
    },
    {
      // The server-rendered app, built for production as `pnpm build:ssr` does (dist/ and dist-ssr/).
      command: `node scripts/ssr-server.mjs --build --horizon ${HORIZON_URL} --port ${process.env.E2E_SSR_PORT}`,
      url: `${SSR_URL}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ...colors, VITE_DEMO_USERS: 'admin,alice,bob,carol' },
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2000 },
    },
  ],
})
