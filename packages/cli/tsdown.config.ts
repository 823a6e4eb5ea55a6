import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: { sourcemap: true }, // .d.ts.map: go-to-definition lands in src/, shipped in `files`
  sourcemap: true,
  // package.json names dist/index.js and dist/index.d.ts (an ESM package: .js is ESM).
  fixedExtension: false,
  clean: true,
  checks: { pluginTimings: false }, // a hint for plugin authors, printed in colour on every build
  deps: { neverBundle: ['@horizon-ts/core', /^@horizon-ts\/core\//] },
})
