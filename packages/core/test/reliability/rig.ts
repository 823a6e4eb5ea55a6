/**
 * The reliability suite's test bench: the dev server (always local: the suite needs its fault
 * injection and request log), the fault proxy in front of it, clients, and a watch on unhandled
 * rejections. Everything listens on 127.0.0.1 only.
 */
import { HorizonClient, type HorizonClientOptions, LoginPassword } from '@horizon-ts/core'
import { type HorizonServer, type HorizonServerOptions, startHorizonServer } from '@horizon-ts/server'
import { afterAll, beforeAll } from 'vitest'
import { type FaultProxy, type ProxyRule, startProxy } from './proxy.js'

export interface Rig {
  server: HorizonServer
  proxy: FaultProxy
  /** a client through the proxy (faults apply), as `user` with a password of its own */
  client(user: string, extra?: Partial<HorizonClientOptions>): HorizonClient
  /** a superadmin client straight to the server, no retries: the referee that reads the truth */
  admin(): HorizonClient
  close(): Promise<void>
}

export const PASSWORD = 'correct horse battery staple 7f3a'

export async function startRig(
  options: { server?: HorizonServerOptions; seed?: number; rules?: ProxyRule[]; upstreamKeepAlive?: boolean } = {},
): Promise<Rig> {
  const server = await startHorizonServer({
    port: 0,
    host: '127.0.0.1',
    seed: 'empty',
    superadmins: ['admin'],
    requestLogSize: 1_000_000,
    ...options.server,
  })
  const proxy = await startProxy(server.url, {
    seed: options.seed,
    rules: options.rules,
    upstreamKeepAlive: options.upstreamKeepAlive,
  })
  return {
    server,
    proxy,
    client: (user, extra = {}) =>
      new HorizonClient({ baseUrl: proxy.url, auth: new LoginPassword({ login: user, password: PASSWORD }), ...extra }),
    admin: () =>
      new HorizonClient({
        baseUrl: server.url,
        auth: new LoginPassword({ login: 'admin', password: PASSWORD }),
        retry: false,
        timeout: { connectionTimeout: 10, requestTimeout: 30 },
      }),
    async close() {
      await proxy.close()
      await server.close()
    },
  }
}

/** Starts a rig for the file (beforeAll) and closes it (afterAll). */
export function useRig(options: Parameters<typeof startRig>[0] = {}): { current: Rig } {
  const holder = {} as { current: Rig }
  beforeAll(async () => {
    holder.current = await startRig(options)
  })
  afterAll(async () => {
    await holder.current?.close()
  })
  return holder
}

/** Records every unhandled rejection while it is on. */
export function trackUnhandled(): { reasons: unknown[]; stop(): void } {
  const reasons: unknown[] = []
  const listener = (reason: unknown) => void reasons.push(reason)
  process.on('unhandledRejection', listener)
  return { reasons, stop: () => void process.off('unhandledRejection', listener) }
}

/** Waits for `predicate`, polling; false when `timeoutMs` runs out first. */
export async function until(predicate: () => boolean, timeoutMs: number, stepMs = 10): Promise<boolean> {
  const end = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > end) return false
    await new Promise((r) => setTimeout(r, stepMs))
  }
  return true
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Rejects when `work` takes longer than `ms`: a hang becomes a failure, not a stuck run. */
export function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still pending after ${ms} ms`)), ms)
  })
  return Promise.race([work, limit]).finally(() => clearTimeout(timer))
}

/** Percentiles of a list of durations (ms). */
export function percentiles(values: number[]): { p50: number; p99: number; max: number } {
  const s = [...values].sort((a, b) => a - b)
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0)
  return { p50: at(0.5), p99: at(0.99), max: Math.round(s[s.length - 1] ?? 0) }
}
