import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    constraints: 'src/entries/constraints.ts',
    export: 'src/entries/export.ts',
    query: 'src/entries/query.ts',
    schemas: 'src/entries/schemas.ts',
    json: 'src/entries/json.ts',
    oidc: 'src/entries/oidc.ts',
    bff: 'src/entries/bff.ts',
  },
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: { sourcemap: true }, // .d.ts.map: go-to-definition lands in src/, shipped in `files`
  sourcemap: true,
  clean: true,
  deps: { neverBundle: ['ofetch', 'lossless-json', '@tanstack/query-core', 'oauth4webapi'] },
  // The plugin-timings report is a hint for plugin authors, printed (in colour) on every build: not ours.
  checks: { pluginTimings: false },
})
