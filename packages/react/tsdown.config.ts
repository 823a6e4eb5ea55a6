import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: { sourcemap: true }, // .d.ts.map: go-to-definition lands in src/, shipped in `files`
  sourcemap: true,
  clean: true,
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
