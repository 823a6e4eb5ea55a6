#!/usr/bin/env node
// `pnpm run build` of each package: tsdown's build() with the package's tsdown.config.ts.
// Not the tsdown CLI: tsdown 0.21's CLI prints "Node.js v20.x is deprecated" on every run under
// Node < 22.18, with no option to turn it off, and Node 20 is an engine these packages support (the
// deprecation is of tsdown's own runtime, pinned here at 0.21; the packages it builds target node20).
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// tsdown is each package's devDependency: resolve it from the package being built.
const from = createRequire(join(process.cwd(), 'package.json'))
const { build } = await import(pathToFileURL(from.resolve('tsdown')).href)
try {
  await build({ logLevel: process.argv.includes('--quiet') ? 'warn' : 'info' })
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
