/**
 * Secrets: a workload with every hook recording its payload, errors of every kind (statuses,
 * resets, timeouts, HTML, truncated and off-schema token answers), dry runs and the request log —
 * then a scan of all of it, as strings, JSON and util.inspect, for the password and for every
 * token the server issued (read off the token endpoint's answers by the proxy and by a test-side
 * fetch observer).
 */
import { inspect } from 'node:util'
import {
  AccessToken,
  BearerToken,
  HorizonClient,
  type HorizonClientOptions,
  HorizonError,
  LoginPassword,
} from '@horizon-ts/core'
import { describe, expect, it } from 'vitest'
import { PASSWORD, trackUnhandled, useRig } from './rig.js'

const TOKEN = '/v1/auth/token'

/** JSON that survives bigint and cycles (a scan must not stop at a value JSON refuses). */
function safeJson(x: unknown): string {
  const seen = new WeakSet<object>()
  try {
    return JSON.stringify(x, (_k, v: unknown) => {
      if (typeof v === 'bigint') return `${v}n`
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[cycle]'
        seen.add(v)
      }
      return v
    })
  } catch (e) {
    return `[JSON.stringify threw ${String(e)}]`
  }
}

/** Every way an app would print an error. */
function errorTexts(e: unknown): string[] {
  const out = [String(e), inspect(e, { depth: 10 }), safeJson(e)]
  if (e instanceof Error) out.push(e.message, e.stack ?? '', safeJson({ ...e, message: e.message }))
  try {
    out.push(JSON.stringify(e) ?? '')
  } catch {
    // bigint in a body: safeJson above covers it
  }
  return out
}

/** The parts of a token that must never appear: the whole, or any 32 characters past its (constant) header. */
function tokenWindows(tokens: Set<string>): Map<string, string> {
  const windows = new Map<string, string>()
  for (const token of tokens) {
    const body = token.slice(token.indexOf('.') + 1)
    for (let i = 0; i + 32 <= body.length; i++) windows.set(body.slice(i, i + 32), token)
  }
  return windows
}

function leaks(text: string, windows: Map<string, string>, secrets: string[]): string[] {
  const found: string[] = []
  for (const s of secrets) if (text.includes(s)) found.push(`the password (${s.slice(0, 12)}…)`)
  for (let i = 0; i + 32 <= text.length; i++) {
    const token = windows.get(text.slice(i, i + 32))
    if (token) {
      found.push(`token …${token.slice(-10)} near «${text.slice(Math.max(0, i - 40), i + 40)}»`)
      i += 32
    }
  }
  return found
}

describe('secrets stay secret', () => {
  const rig = useRig({ server: { version: '1.99.0' } })

  it('no password and no issued token in errors, hook payloads, dry runs or URLs — faults on the token endpoint included', async () => {
    const { server, proxy } = rig.current
    const unhandled = trackUnhandled()
    const tokens = new Set<string>()
    const grab = (text: string) => {
      for (const m of text.matchAll(/"access_token"\s*:\s*"([^"]+)"/g)) tokens.add(m[1]!)
    }
    proxy.onAnswer = (a) => {
      if (a.path === TOKEN) grab(a.body)
    }
    // Test-side observer: what the token endpoint answered, as the client received it.
    const observe: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (String(input).endsWith(TOKEN))
        res
          .clone()
          .text()
          .then(grab, () => undefined)
      return res
    }
    const payloads: unknown[] = []
    const errors: unknown[] = []
    const dryRuns: unknown[] = []
    const hooks: HorizonClientOptions['hooks'] = {
      onRequest: (e) => void payloads.push(e),
      onResponse: (e) => void payloads.push(e, e.request),
      onRetry: (e) => void payloads.push(e),
      onError: (e) => void payloads.push(e, e.error),
      onWarning: (m) => void payloads.push(m),
    }
    const make = (login: string, extra: Partial<HorizonClientOptions> = {}) =>
      new HorizonClient({
        baseUrl: proxy.url,
        auth: new LoginPassword({ login, password: PASSWORD }),
        hooks,
        fetch: observe,
        retry: { total: 2, backoffFactor: 0 },
        timeout: { connectionTimeout: 0.5, requestTimeout: 1 },
        ...extra,
      })
    const attempt = async (work: () => Promise<unknown>) => {
      try {
        await work()
      } catch (e) {
        errors.push(e)
      }
    }

    // 1. Ordinary work, with the errors a server answers on its own.
    const alice = make('alice', { validateResponses: true })
    const ns = await alice.createNamespace({ name: 'secrets' })
    const hwm = await alice.createHwm({ namespace_id: ns.id, name: 'h', type: 'column_int', value: 1 })
    await alice.updateHwm(hwm.id, { value: 2 })
    await alice.paginateHwm({ namespace_id: ns.id })
    await attempt(() => alice.getHwm(987654))
    await attempt(() => alice.createNamespace({ name: 'secrets' }))
    await attempt(() => alice.deleteNamespace(ns.id))
    await attempt(() => make('mallory').deleteHwm(hwm.id))
    await attempt(() => alice.getHwm(Number.NaN))

    // 2. Faults on ordinary routes: statuses, HTML, truncated JSON, reset, hang, 401 on a good token.
    const faulted = [
      { kind: 'status', status: 503 },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 502 },
      { kind: 'html', status: 200 },
      { kind: 'malformed' },
      { kind: 'reset' },
      { kind: 'hang' },
      { kind: 'status', status: 401 },
    ] as const
    for (const f of faulted) {
      server.faults.add({ path: /^\/v1\/(?!auth)/, ...f, times: 3 })
      await attempt(() => alice.getHwm(hwm.id))
      await attempt(() => alice.updateHwm(hwm.id, { value: 3 }))
      server.faults.clear()
    }
    for (const kind of ['drop', 'truncate', 'cut', 'stall-headers', 'stall-body'] as const) {
      proxy.rules = [{ path: /^\/v1\/hwm\//, kind, times: 3 }]
      await attempt(() => alice.getHwm(hwm.id))
      await attempt(() => alice.createHwm({ namespace_id: ns.id, name: `h_${kind}`, type: 't', value: 1 }))
      proxy.rules = []
    }

    // 3. Faults on the token endpoint, each met by a fresh login.
    const issued = () => tokens.size
    const tokenFaults = [
      { kind: 'cut', keep: (b: string) => b.length - 1 }, // everything but the closing brace: the whole token in the excerpt
      { kind: 'cut', keep: 0.5 },
      { kind: 'truncate', keep: (b: string) => b.length - 2 },
      { kind: 'stall-body', keep: (b: string) => b.length - 1 },
      {
        kind: 'rewrite',
        rewrite: (b: string) => b.replace('"bearer"', '42').replace(/"expires_at":\s*[\d.]+/, '"expires_at":"never"'),
      },
      { kind: 'rewrite', rewrite: (b: string) => `<html><body><pre>${b}</pre></body></html>` },
      {
        kind: 'rewrite',
        status: 401,
        rewrite: (b: string) =>
          JSON.stringify({
            error: { code: 'unauthorized', message: `rejected ${b}`, details: { echoed: JSON.parse(b) } },
          }),
      },
      {
        kind: 'rewrite',
        status: 500,
        rewrite: (b: string) => JSON.stringify({ error: { code: 'unknown', message: 'oops', details: JSON.parse(b) } }),
      },
    ] as const
    let n = 0
    for (const rule of tokenFaults) {
      for (const validateResponses of [false, true]) {
        proxy.rules = [{ path: TOKEN, ...rule, times: 1 }]
        await attempt(() => make(`t${n++}`, { validateResponses }).whoami())
        proxy.rules = [{ path: TOKEN, ...rule, times: 1 }]
        // the login call itself, through call() (validated when asked)
        await attempt(() => make(`t${n++}`, { validateResponses }).login(`t${n}`, PASSWORD))
        proxy.rules = [{ path: TOKEN, ...rule, times: 1 }]
        await attempt(() => make(`t${n++}`, { validateResponses }).authorize())
      }
    }
    proxy.rules = []
    for (const f of [
      { kind: 'html', status: 200 },
      { kind: 'malformed' },
      { kind: 'status', status: 503 },
      { kind: 'reset' },
    ] as const) {
      server.faults.add({ path: TOKEN, ...f, times: 1 })
      await attempt(() => make(`s${n++}`).whoami())
      server.faults.clear()
    }

    // 4. Given tokens: an AccessToken and a BearerToken made of an issued token, refused on purpose.
    const given = [...tokens].at(-1)!
    server.faults.add({ path: /^\/v1\/(?!auth)/, kind: 'status', status: 401, times: 4 })
    await attempt(() => new HorizonClient({ baseUrl: proxy.url, auth: new AccessToken(given), hooks }).whoami())
    await attempt(() => new HorizonClient({ baseUrl: proxy.url, auth: new BearerToken(given), hooks }).whoami())
    server.faults.clear()
    await attempt(() => new HorizonClient({ baseUrl: proxy.url, auth: new AccessToken(given), hooks }).getHwm(987654))

    // 5. Dry runs of a logged-in client, the login form included.
    const dry = alice.dry
    dryRuns.push(
      await dry.whoami(),
      await dry.login('alice', PASSWORD),
      await dry.createHwm({ namespace_id: ns.id, name: 'd', type: 't', value: 1 }),
      await dry.updateHwm(hwm.id, { value: 9 }),
      await dry.paginateHwm({ namespace_id: ns.id, name: 'x' }),
      await dry.deleteHwm(hwm.id),
    )
    await proxy.waitIdle(5_000)
    unhandled.stop()

    // The scan.
    const urls = server.requests.map((r) => `${r.method} ${r.path}${r.search}`)
    const texts: Array<[string, string]> = [
      ...errors.flatMap((e, i) =>
        errorTexts(e).map((t) => [`error ${i} (${(e as Error).name})`, t] as [string, string]),
      ),
      ...payloads.flatMap((p, i) => [
        [`hook payload ${i}`, safeJson(p)] as [string, string],
        [`hook payload ${i}`, inspect(p, { depth: 10 })] as [string, string],
      ]),
      ...dryRuns.flatMap((d, i) => [
        [`dry run ${i}`, safeJson(d)] as [string, string],
        [`dry run ${i}`, inspect(d, { depth: 10 })] as [string, string],
      ]),
      ['request log', urls.join('\n')],
      [
        'auth objects',
        `${safeJson(alice.options)} ${inspect(alice.options.auth, { depth: 10 })} ${inspect(alice, { depth: 4 })}`,
      ],
    ]
    const passwordForms = [
      PASSWORD,
      encodeURIComponent(PASSWORD),
      new URLSearchParams({ p: PASSWORD }).toString().slice(2),
    ]
    const found: string[] = []
    const windows = tokenWindows(tokens)
    for (const [where, text] of texts)
      for (const leak of leaks(text, windows, passwordForms)) found.push(`${where}: ${leak}`)
    console.log(
      `[secrets] scanned ${errors.length} errors, ${payloads.length} hook payloads, ${dryRuns.length} dry runs, ${urls.length} URLs (${texts.reduce((a, [, t]) => a + t.length, 0)} chars) for the password and ${tokens.size} issued tokens: ${found.length} leaks`,
    )
    for (const f of found.slice(0, 20)) console.log(`[secrets] ${f}`)
    expect(issued()).toBeGreaterThan(20)
    expect(errors.length).toBeGreaterThan(50)
    expect(errors.filter((e) => !(e instanceof HorizonError))).toEqual([])
    expect(payloads.some((p) => typeof p === 'string' && p.includes('1.99.0'))).toBe(true) // onWarning ran
    expect(found).toEqual([])
    expect(unhandled.reasons.map(String)).toEqual([])
  }, 60_000)
})
