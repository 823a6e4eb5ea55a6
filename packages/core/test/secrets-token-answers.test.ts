/**
 * The token endpoint's answers carry credentials: whole or cut, on or off schema, they never
 * reach an error, a hook payload or a dry run. A raw node:http server plays the token endpoint.
 */
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HorizonClient, HorizonError, LoginPassword } from '../src/index.js'
import { jwt, rawServer } from './support.js'

const TOKEN = jwt({ user_id: 1, exp: 4_000_000_000, secret: 'tok-3f9a' })
const PASSWORD = 'pw-6c1e-secret'
const answers: Record<string, { status?: number; body: string }> = {
  cut: { body: `{"access_token":"${TOKEN}","token_ty` },
  offSchema: { body: `{"access_token":"${TOKEN}","token_type":"bearer"}` },
  wrongType: { body: `{"access_token":"${TOKEN}","token_type":"bearer","expires_at":"soon"}` },
  html: { status: 502, body: `<html>upstream said ${TOKEN}</html>` },
  echo: { status: 500, body: `{"error":{"code":"weird","message":"${TOKEN}","details":{"t":"${TOKEN}"}}}` },
}
let srv: Awaited<ReturnType<typeof rawServer>>
let mode = 'cut'
beforeAll(async () => {
  srv = await rawServer((r) => (r.url === '/v1/auth/token' ? answers[mode]! : { body: '{"id":1,"username":"me"}' }))
})
afterAll(() => srv.close())

describe('token answers never leak', () => {
  for (const name of Object.keys(answers))
    it(`${name}: not in the error, its message, stack, JSON or inspect, nor in hook payloads`, async () => {
      mode = name
      const seen: unknown[] = []
      const hooks = {
        onRequest: (e: unknown) => void seen.push(e),
        onResponse: (e: { request: unknown; status: number }) => void seen.push(e.request, e.status),
        onRetry: (e: unknown) => void seen.push(e),
        onError: (e: { request: unknown; error: Error }) => void seen.push(e.request, e.error),
      }
      const c = new HorizonClient({
        baseUrl: srv.url,
        auth: new LoginPassword({ login: 'me', password: PASSWORD }),
        retry: false,
        hooks,
        validateResponses: true,
      })
      const e = await c.whoami().catch((x: unknown) => x)
      expect(e).toBeInstanceOf(HorizonError)
      seen.push(await c.dry.login('me', PASSWORD))
      const err = e as HorizonError
      const texts = [
        String(err),
        err.message,
        err.stack,
        JSON.stringify(err),
        inspect(err, { depth: 10 }),
        JSON.stringify({ ...err }),
        inspect(seen, { depth: 10 }),
        JSON.stringify(seen, (_k, v) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v)),
      ]
      for (const text of texts) {
        expect(text).not.toContain('tok-3f9a')
        expect(text).not.toContain(TOKEN.split('.')[1])
        expect(text).not.toContain(PASSWORD)
      }
    })
})
