#!/usr/bin/env node
// The `horizon-server` bin. It lives in the source tree, not in dist/, so that pnpm can link it
// when the workspace is installed before anything is built (no "Failed to create bin" warning).
import { main } from '../dist/cli.js'

await main()
