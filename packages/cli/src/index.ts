/**
 * `@horizon-ts/cli`: the `horizon` command line, and its entry point for running it in a process of
 * your own (tests, a wrapper script).
 * @example
 * ```ts
 * import { run } from '@horizon-ts/cli'
 * const code = await run(['ping', '--url', 'http://127.0.0.1:8000'], {
 *   stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env,
 *   isTTY: { stdin: false, stderr: false },
 * })
 * ```
 */

export { EXPORT_FORMAT, EXPORT_VERSION, type HwmExportItem } from '@horizon-ts/core/export'
export { EXIT, exitCodeOf } from './exit-codes.js'
export type { Io, Out } from './io.js'
export { run, runProcess } from './main.js'
export type { Profile } from './profiles.js'
