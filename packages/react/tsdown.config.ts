import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/index.ts' },
  // CommonJS too, and only here: a require()d @horizon-ts/react must require() @tanstack/react-query, as
  // the app does, or the hooks see another copy of TanStack (its CJS build) and no QueryClient. The
  // core has no runtime TanStack import, so it stays ESM only (require(esm), one copy of its classes).
  format: ['esm', 'cjs'],
  platform: 'neutral',
  target: 'es2022',
  dts: { sourcemap: true }, // .d.ts.map: go-to-definition lands in src/, shipped in `files`
  sourcemap: true,
  clean: true,
  checks: { pluginTimings: false }, // a hint for plugin authors, printed in colour on every build
  // Peers and the core (main entry and subpaths such as /query) stay imports: the app has them once.
  deps: {
    neverBundle: [
      'react',
      'react/jsx-runtime',
      '@tanstack/react-query',
      '@tanstack/query-core',
      /^@horizon-ts\/core(\/.*)?$/,
    ],
  },
})
