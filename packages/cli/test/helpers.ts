/** Runs `horizon` in process against a dev server, collecting what it prints. */
import { Readable } from 'node:stream'
import { type HorizonServer, startHorizonServer } from '@horizon-ts/server'
import { run } from '../src/main.js'

export interface Ran {
  code: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  env?: Record<string, string | undefined>
  stdin?: string
  isTTY?: { stdin: boolean; stderr: boolean }
}

/** One run of the CLI with `args`; stdin is `options.stdin` (empty by default). */
export async function horizon(args: string[], options: RunOptions = {}): Promise<Ran> {
  let stdout = ''
  let stderr = ''
  const code = await run(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Readable.from([options.stdin ?? '']),
    // Not the test process's environment: a HORIZON_* of the machine must not leak in.
    env: { HOME: '/nonexistent', ...options.env },
    isTTY: options.isTTY ?? { stdin: false, stderr: false },
  })
  return { code, stdout, stderr }
}

/** A demo-seeded server and the environment that logs in to it as `user` (alice: OWNER of etl_sales). */
export async function demoServer(): Promise<{ server: HorizonServer; env: (user?: string) => Record<string, string> }> {
  const server = await startHorizonServer({ port: 0, seed: 'demo' })
  return {
    server,
    env: (user = 'alice') => ({ HORIZON_URL: server.url, HORIZON_USER: user, HORIZON_PASSWORD: 'demo' }),
  }
}
