#!/usr/bin/env node
// The admin UI served from Node with server rendering and a server-held session (see src/ssr/):
//   node scripts/ssr-server.mjs --horizon http://127.0.0.1:8000            production: dist/ + dist-ssr/
//   node scripts/ssr-server.mjs --horizon http://127.0.0.1:8000 --build    builds both first
//   node scripts/ssr-server.mjs --horizon http://127.0.0.1:8000 --dev      Vite in middleware mode (HMR)
// Other flags: --port (default 5173; 0 picks a free one), --host (default 127.0.0.1).
// "Sign in with SSO" (this server as a confidential client): --oidc-issuer URL --oidc-client-id ID
// [--oidc-resource URI] [--oidc-scope S], and the secret in HORIZON_OIDC_CLIENT_SECRET (a secret on
// a command line is visible to every user of the machine, in ps).
import { parseArgs } from 'node:util'
import { buildSsr, startSsrServer } from './ssr-node.mjs'

const { values: flags } = parseArgs({
  options: {
    horizon: { type: 'string' },
    port: { type: 'string', default: '5173' },
    host: { type: 'string', default: '127.0.0.1' },
    dev: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    'oidc-issuer': { type: 'string' },
    'oidc-client-id': { type: 'string' },
    'oidc-resource': { type: 'string' },
    'oidc-scope': { type: 'string' },
  },
  strict: true,
})
if (!flags.horizon) {
  console.error('--horizon <url> is required: the Horizon this server talks to, e.g. http://127.0.0.1:8000')
  process.exit(2)
}
let sso
if (flags['oidc-issuer']) {
  const clientSecret = process.env.HORIZON_OIDC_CLIENT_SECRET
  if (!flags['oidc-client-id'] || !clientSecret) {
    console.error('--oidc-issuer needs --oidc-client-id and the secret in HORIZON_OIDC_CLIENT_SECRET')
    process.exit(2)
  }
  sso = {
    issuer: flags['oidc-issuer'],
    clientId: flags['oidc-client-id'],
    clientSecret,
    ...(flags['oidc-resource'] ? { resource: flags['oidc-resource'] } : {}),
    ...(flags['oidc-scope'] ? { scope: flags['oidc-scope'] } : {}),
  }
}
try {
  if (flags.build && !flags.dev) await buildSsr()
  const server = await startSsrServer({
    horizonUrl: flags.horizon,
    dev: flags.dev,
    port: Number(flags.port),
    host: flags.host,
    ...(sso ? { sso } : {}),
  })
  console.log(`  Horizon admin (server-rendered${flags.dev ? ', development' : ''}): ${server.url}`)
  const stop = () => server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
