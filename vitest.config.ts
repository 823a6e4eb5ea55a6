import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url))

// Workspace packages resolve to their sources, so tests never run against a stale build.
export const alias = [
  { find: /^@horizon-ts\/core\/(.+)$/, replacement: src('./packages/core/src/entries/$1.ts') },
  { find: /^@horizon-ts\/core$/, replacement: src('./packages/core/src/index.ts') },
  { find: /^@horizon-ts\/server\/app$/, replacement: src('./packages/server/src/app-entry.ts') },
  { find: /^@horizon-ts\/server$/, replacement: src('./packages/server/src/index.ts') },
  { find: /^@horizon-ts\/cli$/, replacement: src('./packages/cli/src/index.ts') },
  { find: /^@horizon-ts\/react$/, replacement: src('./packages/react/src/index.ts') },
]

// Vitest's 5 s default is a wall-clock bound: with a worker per core on a shared 2-core machine, the
// CPU-heavy tests that take 1–2 s alone took over 6 s. A hung test still fails; none is a timing check.
const testTimeout = 30_000

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest 4.1 defaults to one worker fewer than the cores (its docs say all of them): on the
    // 2-core machines that is a single worker. The suites take their ports from the system and
    // their files from mkdtemp, so files can run side by side.
    maxWorkers: '100%',
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'server',
          testTimeout,
          root: './packages/server',
          include: ['test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'core',
          testTimeout,
          root: './packages/core',
          include: ['test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'react',
          testTimeout,
          root: './packages/react',
          include: ['test/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          typecheck: { enabled: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: '../../tsconfig.json' },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'cli',
          testTimeout,
          root: './packages/cli',
          include: ['test/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
})
