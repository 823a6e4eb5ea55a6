#!/usr/bin/env node
// The `horizon` bin. It lives in the source tree, not in dist/, so that pnpm can link it when the
// workspace is installed before anything is built.
import { runProcess } from '../dist/index.js'

process.exitCode = await runProcess()
