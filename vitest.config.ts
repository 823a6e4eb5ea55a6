import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url))

// Workspace packages resolve to their sources, so tests never run against a stale build.
export const alias = [
  { find: /^@horizon-ts\/core\/(.+)$/, replacement: src('./packages/core/src/entries/$1.ts') },
  { find: /^@horizon-ts\/core$/, replacement: src('./packages/core/src/index.ts') },
  { find: /^@horizon-ts\/server\/app$/, replacement: src('./packages/server/src/app-entry.ts') },
  { find: /^@horizon-ts\/server$/, replacement: src('./packages/server/src/index.ts') },
  { find: /^@horizon-ts\/react$/, replacement: src('./packages/react/src/index.ts') },
]

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'server', root: './packages/server', include: ['test/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: { name: 'core', root: './packages/core', include: ['test/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'react',
          root: './packages/react',
          include: ['test/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          typecheck: { enabled: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: '../../tsconfig.json' },
        },
      },
    ],
  },
})
