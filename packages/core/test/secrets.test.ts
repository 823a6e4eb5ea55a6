import { describe, expect, it } from 'vitest'
import { BearerToken, HorizonClient, LoginPassword } from '../src/index.js'
import { isRemote, useTarget } from './server.js'

// Credentials and tokens never appear in errors, hook payloads, dry runs or URLs.
describe('no leaks', () => {
  const t = useTarget()

  it('a password and the issued token stay out of everything observable', async () => {
    const seen: unknown[] = []
    const hooks = {
      onRequest: (e: unknown) => void seen.push(e),
      onResponse: (e: { request: unknown; status: number }) => void seen.push(e.request, e.status),
      onRetry: (e: unknown) => void seen.push(e),
      onError: (e: { request: unknown; error: Error }) => void seen.push(e.request, e.error.message, { ...e.error }),
    }
    const auth = new LoginPassword({ login: 'leaky', password: 'hunter2-secret' })
    const c = new HorizonClient({ baseUrl: t.url, auth, hooks, retry: { total: 0 } })
    await c.whoami()
    await c.getHwm(987654321).catch((e: unknown) => seen.push(String(e), JSON.stringify(e)))
    seen.push(await c.dry.whoami(), JSON.stringify(auth), JSON.stringify(c.options))
    const text = JSON.stringify(seen)
    expect(text).not.toContain('hunter2-secret')
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./)
    expect(text).toContain('[REDACTED]')
  })

  it('a bearer token refused by the server is not echoed in the error', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoxfQ.bad-signature'
    const c = new HorizonClient({ baseUrl: t.url, auth: new BearerToken(token), retry: { total: 0 } })
    const e = await c.whoami().catch((x: unknown) => x)
    expect(JSON.stringify({ ...(e as object), message: (e as Error).message })).not.toContain(token)
  })

  it.skipIf(isRemote)('the token never goes into a URL', async () => {
    const c = t.client('urls')
    await c.whoami()
    await c.paginateNamespaces({ page_size: 5 })
    for (const r of t.server!.requests) expect(`${r.path}?${r.search}`).not.toMatch(/eyJ/)
  })
})
