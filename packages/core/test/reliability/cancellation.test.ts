/**
 * Cancellation: 1,000 calls aborted at every moment of their life — before send, waiting for the
 * headers, during the body, during a retry backoff, during a shared login — each rejects with
 * AbortError at once; afterwards no timer, socket or request is left (process resources back to
 * their baseline, the proxy in front of the server sees nothing in flight and only idle
 * keep-alive connections), a long-lived signal keeps no listener, the heap stays flat over five
 * rounds, and a child process running such rounds on the built package exits on its own.
 */
import { spawn } from 'node:child_process'
import { getEventListeners, setMaxListeners } from 'node:events'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { AbortError, HorizonClient, HorizonError, type HWMResponseV1, LoginPassword } from '@horizon-ts/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { prng } from './proxy.js'
import { PASSWORD, percentiles, sleep, trackUnhandled, until, useRig } from './rig.js'

const TOKEN = '/v1/auth/token'
const BACKOFF_ID = 999_000_001
const ROUNDS = 5
const PER_KIND = 40 // × 5 moments × 5 rounds = 1,000 aborted calls
const here = dirname(fileURLToPath(import.meta.url))
const dist = join(here, '../../dist/index.js')

/** A real gc in this process, where V8 lets a flag be set at run time; undefined otherwise. */
const gc = ((): (() => void) | undefined => {
  try {
    setFlagsFromString('--expose-gc')
    return runInNewContext('gc') as () => void
  } catch {
    return undefined
  }
})()

/** Active resources by type (timers, sockets, servers…). */
const resources = () => {
  const out: Record<string, number> = {}
  for (const r of process.getActiveResourcesInfo()) out[r] = (out[r] ?? 0) + 1
  return out
}

describe('cancellation', () => {
  const rig = useRig({ upstreamKeepAlive: false })
  let hwm: HWMResponseV1
  beforeAll(async () => {
    const owner = rig.current.client('canceller')
    const ns = await owner.createNamespace({ name: 'cancel' })
    hwm = await owner.createHwm({ namespace_id: ns.id, name: 'h', type: 'column_int', value: 1 })
    rig.current.server.faults.add({
      path: `/v1/hwm/${BACKOFF_ID}`,
      kind: 'status',
      status: 503,
      retryAfter: 5,
      rate: 1,
    })
  })

  /** Closes idle keep-alive connections and waits until nothing is in flight or open. */
  async function settle() {
    const { proxy } = rig.current
    const quiet = await until(() => proxy.active() === 0, 3_000)
    // (again and again: a connect begun for a call aborted meanwhile may complete a little later)
    const closed = await until(() => {
      proxy.closeIdle()
      return proxy.connections() === 0
    }, 3_000)
    await sleep(20)
    return { quiet, closed, active: proxy.active(), open: proxy.connections(), left: proxy.describeConnections() }
  }

  it('1,000 aborted calls: AbortError at once, nothing left behind, heap flat', async () => {
    const { proxy } = rig.current
    const random = prng(7)
    const unhandled = trackUnhandled()
    const longLived = new AbortController()
    const onHeaders = new Map<string, () => void>()
    const onForward = new Map<string, () => void>()
    const onBackoff = new Map<string, () => void>()
    proxy.onForward = (req) => {
      const id = req.headers['x-call']
      if (typeof id === 'string') onForward.get(id)?.()
    }
    let seq = 0
    const observe: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      const id = new Headers(init?.headers).get('x-call')
      if (id) onHeaders.get(id)?.()
      return res
    }
    const options = {
      fetch: observe,
      retry: { total: 3, backoffFactor: 0 },
      // generous: client, proxy and server share one thread, and a round's burst takes ~1 s to serve
      timeout: { connectionTimeout: 10, requestTimeout: 10 },
      hooks: {
        onRetry: ({ request, delayMs }: { request: { headers: Record<string, string> }; delayMs: number }) => {
          const id = request.headers['x-call']
          if (id && delayMs > 0) onBackoff.get(id)?.()
        },
      },
    }
    const client = rig.current.client('canceller', options)
    await client.authorize()
    // the long-lived signal's calls time out once, not once per retry
    const once = client.with({ retry: false, timeout: { connectionTimeout: 1, requestTimeout: 2 } })
    setMaxListeners(0, longLived.signal) // 40 calls at once share it: expected, not a leak

    const outcomes: Record<string, number> = {}
    const tally = (key: string) => {
      outcomes[key] = (outcomes[key] ?? 0) + 1
    }
    const latencies: number[] = []
    const latencyByKind: Record<string, number[]> = {}
    const rounds: Array<Record<string, unknown>> = []
    const heap: number[] = []
    let baseline: Record<string, number> = {}

    /** One call aborted when `arm` says; answers what became of it. */
    const aborted = async (
      kind: string,
      start: (signal: AbortSignal, headers: Record<string, string>) => Promise<unknown>,
      arm: (abort: () => void, id: string) => void,
    ) => {
      const id = String(++seq)
      const controller = new AbortController()
      let abortedAt = 0
      const abort = () => {
        abortedAt = performance.now()
        controller.abort()
      }
      arm(abort, id)
      try {
        await start(controller.signal, { 'x-call': id })
        tally(`${kind}: resolved`)
      } catch (e) {
        const ok = e instanceof AbortError && e instanceof HorizonError
        if (abortedAt) {
          const ms = performance.now() - abortedAt
          latencies.push(ms)
          latencyByKind[kind] ??= []
          latencyByKind[kind].push(ms)
        }
        tally(`${kind}: ${ok ? 'AbortError' : `${(e as Error).name} (${(e as Error).message})`}`)
      } finally {
        onHeaders.delete(id)
        onForward.delete(id)
        onBackoff.delete(id)
      }
    }
    const after = (ms: number, abort: () => void) => void setTimeout(abort, ms)

    const round = async (n: number, perKind: number) => {
      const calls: Array<Promise<unknown>> = []
      proxy.rules = [{ path: TOKEN, kind: 'delay', delayMs: 150 }]
      for (let i = 0; i < perKind; i++) {
        // before send: aborted before the call, or in the same tick
        calls.push(
          aborted(
            'before send',
            (signal, headers) => client.getHwm(hwm.id, { signal, headers }),
            (abort) => (i % 2 ? abort() : queueMicrotask(abort)),
          ),
        )
        // waiting for headers: the server answered, the proxy holds the headers back
        calls.push(
          aborted(
            'waiting for headers',
            (signal, headers) =>
              client.getHwm(hwm.id, { signal, headers: { ...headers, 'x-proxy-fault': 'stall-headers' } }),
            (abort, id) => onForward.set(id, () => after(random() * 50, abort)),
          ),
        )
        // during the body: headers and half the body arrived, the rest never comes
        calls.push(
          aborted(
            'during the body',
            (signal, headers) =>
              client.getHwm(hwm.id, { signal, headers: { ...headers, 'x-proxy-fault': 'stall-body' } }),
            (abort, id) => onHeaders.set(id, () => after(random() * 30, abort)),
          ),
        )
        // during a retry backoff: 503 with Retry-After: 5
        calls.push(
          aborted(
            'during backoff',
            (signal, headers) => client.getHwm(BACKOFF_ID, { signal, headers }),
            (abort, id) => onBackoff.set(id, () => after(random() * 100, abort)),
          ),
        )
      }
      // during a shared login: groups of 10 on a fresh login (the token endpoint answers in 150 ms);
      // 2 callers of each group do not abort and must get their answer.
      for (let g = 0; g < perKind / 8; g++) {
        const fresh = new HorizonClient({
          ...options,
          baseUrl: proxy.url,
          auth: new LoginPassword({ login: 'canceller', password: PASSWORD }),
        })
        for (let i = 0; i < 8; i++)
          calls.push(
            aborted(
              'during login',
              (signal, headers) => fresh.getHwm(hwm.id, { signal, headers }),
              (abort) => after(random() * 120, abort),
            ),
          )
        for (let i = 0; i < 2; i++)
          calls.push(
            fresh.getHwm(hwm.id).then(
              () => tally('login, not aborted: resolved'),
              (e: unknown) => tally(`login, not aborted: ${String(e)}`),
            ),
          )
      }
      // a long-lived signal on calls that end every way but aborted: answered, 404, timed out
      for (let i = 0; i < perKind; i++) {
        const signal = longLived.signal
        const headers: Record<string, string> = i % 4 === 3 ? { 'x-proxy-fault': 'stall-headers' } : {}
        calls.push(
          once.getHwm(i % 4 === 1 ? 987654 : hwm.id, { signal, headers }).then(
            () => tally('long-lived signal: resolved'),
            (e: unknown) => tally(`long-lived signal: ${(e as Error).name}`),
          ),
        )
      }
      const started = performance.now()
      await Promise.all(calls)
      proxy.rules = []
      const ms = performance.now() - started
      // Above the baseline only counts when it lasts: a connect begun for a call aborted meanwhile may
      // land after the first settle as an idle connection, and a closed socket takes a turn to go.
      let state = await settle()
      let grown: Record<string, number> = {}
      for (let attempt = 0; attempt < 5; attempt++) {
        const now = resources()
        grown = Object.fromEntries(Object.entries(now).filter(([k, v]) => v > (baseline[k] ?? 0)))
        if (!Object.keys(grown).length) break
        state = await settle()
      }
      gc?.()
      const used = process.memoryUsage().heapUsed
      if (n > 0) heap.push(used)
      const listeners = getEventListeners(longLived.signal, 'abort').length
      if (n > 0)
        rounds.push({ round: n, ms: Math.round(ms), heapMB: +(used / 2 ** 20).toFixed(1), ...state, grown, listeners })
      return { state, grown, listeners }
    }

    // A warm-up round (lazy chunks, connection pools), then the baseline, then the rounds.
    const lag = monitorEventLoopDelay({ resolution: 10 })
    await round(0, 8)
    for (const k of Object.keys(outcomes)) delete outcomes[k]
    latencies.length = 0
    for (const k of Object.keys(latencyByKind)) delete latencyByKind[k]
    baseline = resources()
    lag.enable()
    for (let n = 1; n <= ROUNDS; n++) await round(n, PER_KIND)
    lag.disable()
    const loopDelay = {
      p50: Math.round(lag.percentile(50) / 1e6),
      p99: Math.round(lag.percentile(99) / 1e6),
      max: Math.round(lag.max / 1e6),
    }
    unhandled.stop()

    const abortedCount = Object.entries(outcomes)
      .filter(([k]) => !k.startsWith('long-lived') && !k.startsWith('login, not'))
      .reduce((a, [, v]) => a + v, 0)
    const lat = percentiles(latencies)
    console.log(`[cancel] baseline resources ${JSON.stringify(baseline)}; forced gc: ${Boolean(gc)}`)
    for (const r of rounds) console.log(`[cancel] ${JSON.stringify(r)}`)
    console.log(`[cancel] outcomes ${JSON.stringify(outcomes, null, 1)}`)
    const byKind = Object.fromEntries(Object.entries(latencyByKind).map(([k, v]) => [k, percentiles(v)]))
    console.log(`[cancel] abort → rejection ms: ${JSON.stringify(lat)}; by moment ${JSON.stringify(byKind)}`)
    console.log(`[cancel] event loop delay during the rounds (ms): ${JSON.stringify(loopDelay)}`)
    console.log(
      `[cancel] heap MB after rounds (${gc ? 'after a forced gc' : 'no gc'}): ${heap.map((h) => (h / 2 ** 20).toFixed(1))}`,
    )

    const resolvedAnyway = Object.keys(outcomes).filter(
      (k) => k.includes('resolved') && !k.startsWith('long-lived') && !k.startsWith('login, not'),
    )
    expect(abortedCount).toBe(ROUNDS * PER_KIND * 5)
    expect(resolvedAnyway, 'aborted calls that resolved anyway').toEqual([])
    const wrong = Object.keys(outcomes).filter(
      (k) => !k.startsWith('long-lived') && !k.endsWith('AbortError') && !k.endsWith('resolved'),
    )
    expect(wrong, 'aborted calls that did not reject with AbortError').toEqual([])
    expect(outcomes['login, not aborted: resolved']).toBe((ROUNDS * PER_KIND * 2) / 8)
    // "At once": not after a deadline (10 s) or the backoff (5 s); the figures show the event loop's
    // own lag, since client, proxy and server share one thread and each round is a burst.
    expect(lat.max, 'an abort must reject at once').toBeLessThan(1_000)
    for (const r of rounds) {
      expect(r.quiet, `round ${r.round}: requests still in flight at the proxy`).toBe(true)
      expect(r.closed, `round ${r.round}: connections still open (not idle) at the proxy`).toBe(true)
      expect(r.grown, `round ${r.round}: resources above the baseline`).toEqual({})
      expect(r.listeners, `round ${r.round}: listeners left on the long-lived signal`).toBe(0)
    }
    // Heap after round 5 vs round 2: with a forced gc within 4 MB; without, a generous 32 MB.
    expect(heap.at(-1)! - heap[1]!).toBeLessThan((gc ? 4 : 32) * 2 ** 20)
    expect(unhandled.reasons.map(String)).toEqual([])
  }, 90_000)

  it('a child process running 5 rounds on the built package exits on its own, heap flat under --expose-gc', async () => {
    expect(existsSync(dist), `${dist} is missing: build the package first (pnpm build)`).toBe(true)
    const srcDir = join(here, '../../src')
    const newestSource = Math.max(
      ...readdirSync(srcDir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => statSync(join(d.parentPath, d.name)).mtimeMs),
    )
    if (statSync(dist).mtimeMs < newestSource)
      console.warn('[cancel] packages/core/dist is older than src: the child runs the last build, not the sources')
    const started = performance.now()
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        join(here, 'abort-child.mjs'),
        rig.current.proxy.url,
        String(hwm.id),
        String(BACKOFF_ID),
        '5',
        '100',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c
    })
    child.stderr.on('data', (c: Buffer) => {
      err += c
    })
    const exit = await new Promise<{ code: number | null; signal: string | null; ms: number }>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 20_000)
      child.on('exit', (code, signal) => {
        clearTimeout(kill)
        resolve({ code, signal, ms: performance.now() - started })
      })
    })
    const line = out.trim().split('\n').at(-1) ?? ''
    console.log(
      `[cancel/child] exit ${exit.code} ${exit.signal ?? ''} after ${Math.round(exit.ms)} ms: ${line} ${err.trim()}`,
    )
    expect(exit.signal, 'the child had to be killed: something kept it alive').toBeNull()
    expect(exit.code).toBe(0)
    const report = JSON.parse(line) as { gc: boolean; heap: number[]; outcomes: Record<string, number> }
    expect(report.gc).toBe(true)
    expect(report.outcomes).toEqual({ AbortError: 500 })
    // with a real gc, rounds 2..5 stay within 2 MB of each other
    const later = report.heap.slice(1)
    expect(Math.max(...later) - Math.min(...later)).toBeLessThan(2 * 2 ** 20)
  }, 40_000)
})
