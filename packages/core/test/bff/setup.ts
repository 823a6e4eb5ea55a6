/** A suite's stack: the dev server, a recorder in front of it, and an app server serving `sessions.handle`. */
import { afterAll, beforeAll } from 'vitest'
import { startTarget, type Target, type TargetOptions } from '../../../../tests/support/target.js'
import { HorizonSessions, type HorizonSessionsOptions } from '../../src/entries/bff.js'
import { type Served, serve } from './http.js'
import { type Recorder, recorder } from './recorder.js'

export interface Stack {
  target: Target
  /** what reached Horizon */
  horizon: Recorder
  app: Served
  sessions: HorizonSessions
  /** every answer the app server gave the browser: status line, headers and body as text */
  answers: string[]
  /** every `Authorization` value that reached Horizon: the tokens the browser must never see */
  tokens(): string[]
}

/** Starts the stack for the file (always a local dev server: the suites read its side) and stops it after. */
export function useStack(
  options: Partial<HorizonSessionsOptions> = {},
  server: TargetOptions = {},
  answerHeaders: Record<string, string> = {},
): Stack {
  const stack = { answers: [] as string[] } as Stack
  stack.tokens = () =>
    [
      ...new Set(stack.horizon.requests.map((r) => r.headers.get('authorization')?.replace(/^Bearer /, '') ?? '')),
    ].filter(Boolean)
  beforeAll(async () => {
    stack.target = await startTarget({ mode: 'local', ...server })
    stack.horizon = await recorder(stack.target.url, answerHeaders)
    stack.sessions = new HorizonSessions({ horizonUrl: stack.horizon.url, client: { retry: false }, ...options })
    stack.app = await serve(async (request) => {
      const answer = await stack.sessions.handle(request)
      if (answer) {
        const head = [...answer.headers].map(([k, v]) => `${k}: ${v}`).join('\n')
        stack.answers.push(`${answer.status}\n${head}\n\n${await answer.clone().text()}`)
      }
      return answer
    })
  })
  afterAll(async () => {
    await stack.app?.close()
    await stack.horizon?.close()
    await stack.target?.close()
  })
  return stack
}
