import { defineConfig } from 'tsdown'

export default defineConfig({
  // app: `@horizon-ts/server/app`, createHorizonApp without the Node server (browser-safe)
  entry: { index: 'src/index.ts', app: 'src/app-entry.ts', cli: 'src/cli.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: { sourcemap: true }, // .d.ts.map: go-to-definition lands in src/, shipped in `files`
  sourcemap: true,
  // package.json names dist/index.js, dist/app.js, their .d.ts and dist/cli.js (an ESM package: .js is ESM).
  fixedExtension: false,
  clean: true,
  checks: { pluginTimings: false }, // a hint for plugin authors, printed in colour on every build
  deps: {
    neverBundle: [
      'hono',
      /^hono\//,
      '@hono/node-server',
      /^@hono\/node-server\//,
      'jose',
      '@horizon-ts/core',
      /^@horizon-ts\/core\//,
    ],
  },
})
