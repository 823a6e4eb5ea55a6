#!/usr/bin/env node
// The admin UI served from Node with server rendering and a server-held session (see src/ssr/):
//   node scripts/ssr-server.mjs --horizon http://127.0.0.1:8000            production: dist/ + dist-ssr/
//   node scripts/ssr-server.mjs --horizon http://127.0.0.1:8000 --build    builds both first
//   node scripts/ssr-server.mjs --horizon http://127.0.0.1:8000 --dev      Vite in middleware mode (HMR)
// Other flags: --port (default 5173; 0 picks a free one), --host (default 127.0.0.1).
import { parseArgs } from 'node:util'
import { buildSsr, startSsrServer } from './ssr-node.mjs'

const { values: flags } = parseArgs({
  options: {
    horizon: { type: 'string' },
    port: { type: 'string', default: '5173' },
    host: { type: 'string', default: '127.0.0.1' },
    dev: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
  },
  strict: true,
})
if (!flags.horizon) {
  console.error('--horizon <url> is required: the Horizon this server talks to, e.g. http://127.0.0.1:8000')
  process.exit(2)
}
try {
  if (flags.build && !flags.dev) await buildSsr()
  const server = await startSsrServer({
    horizonUrl: flags.horizon,
    dev: flags.dev,
    port: Number(flags.port),
    host: flags.host,
  })
  console.log(`  Horizon admin (server-rendered${flags.dev ? ', development' : ''}): ${server.url}`)
  const stop = () => server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
