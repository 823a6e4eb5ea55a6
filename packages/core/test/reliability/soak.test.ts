import { HorizonClient, HorizonError, LoginPassword, ServiceUnavailableError } from '@horizon-ts/core'
import { describe, expect, it } from 'vitest'
import { PASSWORD, startRig, trackUnhandled, useRig, within } from './rig.js'
import { defaultProxyRules, defaultServerFaults, runSoak, type SoakReport } from './soak.js'

const SEED = Number(process.env.SOAK_SEED ?? 20240611)

const summary = (r: SoakReport) => ({
  ops: r.ops,
  durationMs: r.durationMs,
  latencyMs: r.latency,
  requests: r.requests,
  serverFired: r.serverFired,
  proxyFired: r.proxyFired,
  errorsByClass: r.errorsByClass,
  byOp: r.byOp,
  final: r.final,
  findings: r.findings.length,
})
const findingsOf = (r: SoakReport, kind: string) => r.findings.filter((f) => f.kind === kind).map((f) => f.detail)

describe('fault soak', () => {
  const rig = useRig({ seed: SEED })

  it('3,000 mixed calls under ~20 % faults: state equals the model, nothing applied twice, every failure typed', async () => {
    const unhandled = trackUnhandled()
    let report: SoakReport
    try {
      report = await runSoak(rig.current, {
        seed: SEED,
        users: ['u1', 'u2', 'u3', 'u4'],
        clientsPerUser: 3,
        opsPerWorker: 250,
        budgetMs: 100_000,
        serverFaults: defaultServerFaults(),
        proxyRules: defaultProxyRules(),
      })
    } finally {
      unhandled.stop()
    }
    console.log(`[soak] seed ${SEED}`, JSON.stringify(summary(report), null, 1))
    for (const f of report.findings.slice(0, 40)) console.log(`[soak] ${f.kind}: ${f.detail}`)

    expect(report.outOfTime, 'the soak ran out of its time budget').toBe(false)
    expect(report.ops).toBeGreaterThanOrEqual(3000)
    // About a fifth of the requests faulted, and every kind of fault happened.
    expect(report.requests.faultRate).toBeGreaterThan(0.14)
    expect(report.requests.faultRate).toBeLessThan(0.3)
    for (const kind of [
      'status 503 +Retry-After',
      'status 503',
      'status 429 +Retry-After',
      'status 500',
      'status 502',
      'status 504',
      'reset',
      'hang',
      'malformed',
      'html',
    ])
      expect(report.serverFired[kind] ?? 0, `server fault ${kind}`).toBeGreaterThan(0)
    for (const kind of ['drop', 'truncate', 'cut', 'stall-headers', 'stall-body'])
      expect(report.proxyFired[kind] ?? 0, `proxy fault ${kind}`).toBeGreaterThan(0)

    expect.soft(findingsOf(report, 'duplicate'), 'applied twice').toEqual([])
    expect.soft(findingsOf(report, 'phantom'), 'created by no call').toEqual([])
    expect.soft(findingsOf(report, 'lost'), 'lost').toEqual([])
    expect.soft(findingsOf(report, 'mismatch'), 'server state differs from the model').toEqual([])
    expect.soft(findingsOf(report, 'untyped'), 'failures that are not HorizonError').toEqual([])
    expect.soft(report.errors.filter((e) => !(e instanceof HorizonError))).toEqual([])
    expect.soft(findingsOf(report, 'hook'), 'onError for calls that succeeded').toEqual([])
    expect.soft(unhandled.reasons.map(String), 'unhandled rejections').toEqual([])
  }, 150_000)

  it('the checker catches a client that re-sends a POST after a network error', async () => {
    // The test of the test: the same soak, smaller, with a fetch that re-sends a POST once when
    // the connection failed. The proxy drops answers after the server committed, so the re-sent
    // create meets its own first copy: the checker must report a duplicate.
    const broken = await startRig({ seed: SEED + 1 })
    const resendingFetch: typeof fetch = async (input, init) => {
      try {
        return await fetch(input, init)
      } catch (e) {
        if ((init?.method ?? 'GET').toUpperCase() !== 'POST' || init?.signal?.aborted) throw e
        return fetch(input, init)
      }
    }
    const unhandled = trackUnhandled()
    try {
      const report = await runSoak(broken, {
        seed: SEED + 1,
        users: ['v1', 'v2'],
        clientsPerUser: 2,
        opsPerWorker: 100,
        budgetMs: 40_000,
        fetch: resendingFetch,
        serverFaults: defaultServerFaults(),
        proxyRules: [
          { method: 'POST', path: /^\/v1\/(hwm|namespaces)\//, kind: 'drop', rate: 0.2 },
          ...defaultProxyRules(),
        ],
      })
      const duplicates = findingsOf(report, 'duplicate')
      console.log(`[soak/broken] ops ${report.ops}, ${duplicates.length} duplicates found, e.g. ${duplicates[0]}`)
      expect(report.proxyFired.drop ?? 0).toBeGreaterThan(0)
      expect(duplicates.length).toBeGreaterThan(0)
    } finally {
      unhandled.stop()
      await broken.close()
    }
  }, 90_000)

  it('a Retry-After beyond retry.maxRetryAfter (30 s set, 120 s default) fails at once instead of sleeping an hour', async () => {
    const { server, proxy } = rig.current
    const make = (retry: { total: number; maxRetryAfter?: number }) =>
      new HorizonClient({ baseUrl: proxy.url, auth: new LoginPassword({ login: 'u1', password: PASSWORD }), retry })
    const clients = { 'maxRetryAfter: 30': make({ total: 3, maxRetryAfter: 30 }), default: make({ total: 3 }) }
    for (const [which, c] of Object.entries(clients)) {
      await c.authorize()
      for (const method of ['GET', 'POST'] as const) {
        server.faults.add({ method, path: '/v1/namespaces/', kind: 'status', status: 503, retryAfter: 3600, times: 1 })
        const stop = new AbortController()
        const started = performance.now()
        const call =
          method === 'GET'
            ? c.paginateNamespaces({}, { signal: stop.signal })
            : c.createNamespace({ name: `ra_${Date.now()}` }, { signal: stop.signal })
        const what = `${which}, ${method} answered 503 Retry-After: 3600`
        try {
          const e = await within(
            call.then(
              () => undefined,
              (x: unknown) => x,
            ),
            3_000,
            what,
          )
          expect(e, what).toBeInstanceOf(ServiceUnavailableError)
          expect(performance.now() - started, what).toBeLessThan(1_000)
        } finally {
          stop.abort()
          server.faults.clear()
        }
      }
    }
  }, 15_000)
})
