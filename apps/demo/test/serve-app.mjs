// Builds the app for the browser suite and serves the build, as `vite build && vite preview` would,
// with VITE_HORIZON_URL pointing at the suite's Horizon (direct calls, through CORS). The build goes
// to test-results/app so the regular `dist` is left alone. Started by Playwright's webServer.
import { fileURLToPath } from 'node:url'
import { build, preview } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const outDir = fileURLToPath(new URL('../test-results/app', import.meta.url))
const port = Number(process.env.E2E_APP_PORT)

await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } })
const server = await preview({ root, build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } })
server.printUrls()
