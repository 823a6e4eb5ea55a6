/**
 * The fault soak: workers (one HorizonClient each, several users) run mixed operations through
 * the fault proxy while the dev server injects its own faults. A model is kept from what the
 * calls reported; a call that failed ambiguously (no answer, or an answer after an ambiguous
 * attempt) is "maybe applied". At the end a faultless admin client reads the server, and the
 * checker compares: the state must match the model, and nothing may have been applied twice.
 *
 * Each worker writes only its own namespaces, one call at a time, so the model is exact up to
 * the "maybe" calls. Every created name and every written value is used by one call only: a
 * 409 on a create or a copy, or two history rows for one value, can only come from a re-send.
 */
import {
  EntityAlreadyExistsError,
  EntityNotFoundError,
  type HorizonClient,
  type HorizonClientOptions,
  HorizonError,
  type HWMResponseV1,
  RequestValidationError,
} from '@horizon-ts/core'
import type { FaultSpec } from '@horizon-ts/server'
import { type ProxyRule, prng } from './proxy.js'
import { percentiles, type Rig } from './rig.js'

type Applied = 'yes' | 'no' | 'maybe'
type Role = 'DEVELOPER' | 'MAINTAINER' | null

export interface Finding {
  kind: 'duplicate' | 'mismatch' | 'phantom' | 'lost' | 'untyped' | 'hook'
  detail: string
}

interface HwmModel {
  id: number
  ns: number
  name: string
  origin: 'create' | 'copy'
  createdValue: number
  /** value of the last call that reported success */
  value: number
  /** values of calls that may have been applied, at any time (a timed-out request may land late) */
  maybe: Set<number>
  updates: Map<number, Applied>
  deleted: boolean
  maybeDeleted: boolean
  /** the answer of a delete call that reported success */
  deleteConfirmed: boolean
}

interface NsModel {
  id: number
  name: string
  description: string
  maybeDescriptions: Set<string>
  descriptions: Map<string, Applied>
  roles: Map<string, { value: Role; maybe: Set<Role> }>
}

/** An entity a "maybe" call may have created: its id is unknown until the end. */
interface Pending {
  ns: number
  name: string
  values: Set<number>
  what: string
}

interface Worker {
  n: number
  user: string
  client: HorizonClient
  a: NsModel
  b: NsModel
  spaces: NsModel[]
  hwms: HwmModel[]
  copied: Set<string>
}

export interface SoakOptions {
  seed: number
  users: string[]
  clientsPerUser: number
  opsPerWorker: number
  /** the soak stops (and reports it) when this runs out */
  budgetMs: number
  /** a fetch for the workers' clients (the broken client of the self-test) */
  fetch?: typeof fetch
  serverFaults: FaultSpec[]
  proxyRules: ProxyRule[]
}

export interface SoakReport {
  ops: number
  byOp: Record<string, { ok: number; failed: number; maybe: number }>
  errorsByClass: Record<string, number>
  errors: unknown[]
  findings: Finding[]
  durationMs: number
  outOfTime: boolean
  latency: { p50: number; p99: number; max: number }
  requests: { proxied: number; served: number; serverFaults: number; proxyFaults: number; faultRate: number }
  proxyFired: Record<string, number>
  serverFired: Record<string, number>
  final: { namespaces: number; hwms: number; historyRows: number; checkMs: number }
}

/** The default mix: about 13 % of requests faulted by the server, 7 % by the proxy after commit. */
export const defaultServerFaults = (): FaultSpec[] => [
  { path: /^\/v1\//, kind: 'status', status: 503, retryAfter: 0, rate: 0.02 },
  { path: /^\/v1\//, kind: 'status', status: 503, rate: 0.02 },
  { path: /^\/v1\//, kind: 'status', status: 429, retryAfter: '0.05', rate: 0.01 },
  { path: /^\/v1\//, kind: 'status', status: 503, retryAfter: new Date(Date.now() - 1000).toUTCString(), rate: 0.005 },
  { path: /^\/v1\//, kind: 'status', status: 500, rate: 0.015 },
  { path: /^\/v1\//, kind: 'status', status: 502, rate: 0.01 },
  { path: /^\/v1\//, kind: 'status', status: 504, rate: 0.005 },
  { path: /^\/v1\//, kind: 'reset', rate: 0.015 },
  { path: /^\/v1\//, kind: 'hang', rate: 0.008 },
  { path: /^\/v1\//, kind: 'malformed', rate: 0.01 },
  { path: /^\/v1\//, kind: 'html', rate: 0.01 },
]
export const defaultProxyRules = (): ProxyRule[] => [
  { path: /^\/v1\//, kind: 'drop', rate: 0.03 },
  { path: /^\/v1\//, kind: 'truncate', rate: 0.015 },
  { path: /^\/v1\//, kind: 'cut', rate: 0.01 },
  { path: /^\/v1\//, kind: 'stall-headers', rate: 0.008 },
  { path: /^\/v1\//, kind: 'stall-body', rate: 0.008 },
]

const WEIGHTS: Array<[string, number]> = [
  ['getHwm', 18],
  ['paginateHwm', 8],
  ['iterateHwm', 4],
  ['paginateHwmHistory', 5],
  ['readNamespace', 5],
  ['createHwm', 16],
  ['updateHwm', 20],
  ['deleteHwm', 5],
  ['bulkDeleteHwm', 3],
  ['bulkCopyHwm', 5],
  ['createNamespace', 3],
  ['updateNamespace', 4],
  ['updateNamespacePermissions', 4],
]

const className = (e: unknown) => (e instanceof Error ? e.name : typeof e)

export async function runSoak(rig: Rig, o: SoakOptions): Promise<SoakReport> {
  const random = prng(o.seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const findings: Finding[] = []
  const flag = (kind: Finding['kind'], detail: string) => void findings.push({ kind, detail })
  const errors: unknown[] = []
  const byOp: SoakReport['byOp'] = {}
  const retries = new Map<string, string[]>()
  const errorHooks = new Map<string, number>()
  const outcomes = new Map<string, 'ok' | 'failed'>()
  const pendingHwms = new Map<string, Pending>()
  const pendingSpaces = new Map<string, { owner: string }>()
  const allHwmIds: number[] = []
  const spaces = new Map<number, NsModel>()
  let seq = 0
  let valueSeq = 1_000
  const latencies: number[] = []

  const hooks: HorizonClientOptions['hooks'] = {
    onRetry: ({ request, reason }) => {
      const op = request.headers['x-op']
      if (op) retries.set(op, [...(retries.get(op) ?? []), reason])
    },
    onError: ({ request, error }) => {
      const op = request.headers['x-op']
      if (op) errorHooks.set(op, (errorHooks.get(op) ?? 0) + 1)
      if (!(error instanceof HorizonError)) flag('untyped', `onError got ${className(error)}: ${error}`)
    },
  }
  const clientOptions: Partial<HorizonClientOptions> = {
    retry: { total: 3, backoffFactor: 0.005, backoffMax: 0.05 },
    timeout: { connectionTimeout: 0.5, requestTimeout: 1 },
    hooks,
    fetch: o.fetch,
  }

  // Setup, before any fault: every user logs in (permissions name users that exist), each worker
  // gets namespaces A and B (copies go from A to B).
  const admin = rig.admin()
  await admin.authorize()
  const run = Date.now().toString(36)
  const workers: Worker[] = []
  for (const user of o.users) await rig.client(user).authorize()
  for (const user of o.users)
    for (let i = 0; i < o.clientsPerUser; i++) {
      const n = workers.length
      const client = rig.client(user, clientOptions)
      const setup = rig.client(user)
      const make = async (tag: string): Promise<NsModel> => {
        const ns = await setup.createNamespace({ name: `${run}_w${n}_${tag}`, description: 'start' })
        const model: NsModel = {
          id: ns.id,
          name: ns.name,
          description: 'start',
          maybeDescriptions: new Set(),
          descriptions: new Map(),
          roles: new Map(),
        }
        spaces.set(ns.id, model)
        return model
      }
      const a = await make('a')
      const b = await make('b')
      workers.push({ n, user, client, a, b, spaces: [a, b], hwms: [], copied: new Set() })
    }
  const others = (w: Worker) => o.users.filter((u) => u !== w.user && u !== 'admin')

  for (const f of o.serverFaults) rig.server.faults.add(f)
  rig.proxy.rules = o.proxyRules
  const servedBefore = rig.server.requests.length
  const proxiedBefore = rig.proxy.count.requests

  /** Whether an earlier attempt of the call may have been applied (retried after no answer). */
  const ambiguousRetry = (op: string) => (retries.get(op) ?? []).some((r) => !/^[45]\d\d$/.test(r))
  const outcome = (e: unknown, op: string): Applied => {
    if (e instanceof RequestValidationError) return 'no'
    if (e instanceof HorizonError && e.status !== undefined && e.status >= 400 && !ambiguousRetry(op)) return 'no'
    return 'maybe'
  }
  const allowed = (h: HwmModel) => new Set([h.value, ...h.maybe])
  const live = (w: Worker) => w.hwms.filter((h) => !h.deleted)

  const ops: Record<string, (w: Worker, op: string, call: { headers: Record<string, string> }) => Promise<void>> = {
    async getHwm(w, _op, call) {
      const own = live(w)
      const h = random() < 0.7 && own.length ? pick(own) : undefined
      const id = h?.id ?? (allHwmIds.length ? pick(allHwmIds) : 1)
      try {
        const got = await w.client.getHwm(id, call)
        if (h && !allowed(h).has(got.value as number))
          flag('mismatch', `getHwm(${id}) read ${got.value}, model allows ${[...allowed(h)]}`)
      } catch (e) {
        if (h && e instanceof EntityNotFoundError) {
          if (!h.maybeDeleted) flag('lost', `getHwm(${id}): 404 for an HWM no delete touched`)
          h.deleted = true
        }
        throw e
      }
    },
    async paginateHwm(w, _op, call) {
      const ns = pick(w.spaces)
      const page_size = 1 + Math.floor(random() * 50)
      const page = await w.client.paginateHwm(
        { namespace_id: ns.id, page_size, page: 1 + Math.floor(random() * 2) },
        call,
      )
      if (page.items.length > page_size) flag('mismatch', `paginateHwm answered ${page.items.length} > ${page_size}`)
    },
    async iterateHwm(w, _op, call) {
      let n = 0
      for await (const _ of w.client.iterateHwm(
        { namespace_id: w.a.id, page_size: 4 },
        { ...call, concurrency: 3, maxPages: 5 },
      ))
        n++
      if (n > 20) flag('mismatch', `iterateHwm yielded ${n} items from 5 pages of 4`)
    },
    async paginateHwmHistory(w, _op, call) {
      const own = live(w)
      await w.client.paginateHwmHistory({ hwm_id: own.length ? pick(own).id : 1, page_size: 20 }, call)
    },
    async readNamespace(w, _op, call) {
      const r = random()
      if (r < 0.25) await w.client.getNamespace(pick(w.spaces).id, call)
      else if (r < 0.5) await w.client.paginateNamespaces({ page_size: 10 }, call)
      else if (r < 0.75) await w.client.whoami(call)
      else await w.client.getNamespacePermissions(pick(w.spaces).id, call)
    },
    async createHwm(w, op, call) {
      const ns = random() < 0.7 ? w.a : pick(w.spaces)
      const name = `h${op}`
      const value = valueSeq++
      try {
        const hwm = await w.client.createHwm({ namespace_id: ns.id, name, type: 'column_int', value }, call)
        if (hwm.name !== name || hwm.value !== value) flag('mismatch', `createHwm answered ${hwm.name}=${hwm.value}`)
        const m: HwmModel = {
          id: hwm.id,
          ns: ns.id,
          name,
          origin: 'create',
          createdValue: value,
          value,
          maybe: new Set(),
          updates: new Map(),
          deleted: false,
          maybeDeleted: false,
          deleteConfirmed: false,
        }
        w.hwms.push(m)
        allHwmIds.push(hwm.id)
      } catch (e) {
        if (e instanceof EntityAlreadyExistsError)
          flag('duplicate', `createHwm ${name}: 409 for a name only this call used (sent twice)`)
        if (outcome(e, op) === 'maybe' || e instanceof EntityAlreadyExistsError)
          pendingHwms.set(`${ns.id}/${name}`, { ns: ns.id, name, values: new Set([value]), what: `createHwm #${op}` })
        throw e
      }
    },
    async updateHwm(w, op, call) {
      const own = live(w)
      if (!own.length) return ops.createHwm!(w, op, call)
      const h = pick(own)
      const value = valueSeq++
      try {
        const hwm = await w.client.updateHwm(h.id, { value }, call)
        if (hwm.value !== value) flag('mismatch', `updateHwm(${h.id}, ${value}) answered ${hwm.value}`)
        h.value = value
        h.updates.set(value, 'yes')
      } catch (e) {
        if (e instanceof EntityNotFoundError) {
          if (!h.maybeDeleted) flag('lost', `updateHwm(${h.id}): 404 for an HWM no delete touched`)
          h.deleted = true
          h.updates.set(value, 'no')
        } else {
          const applied = outcome(e, op)
          h.updates.set(value, applied)
          if (applied === 'maybe') h.maybe.add(value)
        }
        throw e
      }
    },
    async deleteHwm(w, op, call) {
      const own = live(w)
      if (!own.length) return
      const h = pick(own)
      const ifExists = random() < 0.3
      try {
        await w.client.deleteHwm(h.id, { ...call, ifExists })
        h.deleted = h.deleteConfirmed = true
      } catch (e) {
        if (e instanceof EntityNotFoundError) {
          // A DELETE may be re-sent after an attempt without answer (it is idempotent): then 404 is ours.
          if (!h.maybeDeleted && !ambiguousRetry(op))
            flag('lost', `deleteHwm(${h.id}): 404 for an HWM no delete touched`)
          h.deleted = true
        } else if (outcome(e, op) === 'maybe') h.maybeDeleted = true
        throw e
      }
    },
    async bulkDeleteHwm(w, op, call) {
      const ns = pick(w.spaces)
      const targets = live(w)
        .filter((h) => h.ns === ns.id)
        .slice(0, 1 + Math.floor(random() * 3))
      if (!targets.length) return
      try {
        await w.client.bulkDeleteHwm(
          ns.id,
          targets.map((h) => h.id),
          call,
        )
        for (const h of targets) h.deleted = h.deleteConfirmed = true
      } catch (e) {
        if (outcome(e, op) === 'maybe') for (const h of targets) h.maybeDeleted = true
        throw e
      }
    },
    async bulkCopyHwm(w, op, call) {
      const sources = live(w)
        .filter((h) => h.ns === w.a.id && !h.maybeDeleted && !w.copied.has(h.name))
        .slice(0, 1 + Math.floor(random() * 3))
      if (!sources.length) return
      for (const s of sources) w.copied.add(s.name)
      const with_history = random() < 0.5
      try {
        const { hwms } = await w.client.bulkCopyHwm(
          { source_namespace_id: w.a.id, target_namespace_id: w.b.id, hwm_ids: sources.map((h) => h.id), with_history },
          call,
        )
        if (hwms.length !== sources.length) flag('mismatch', `bulkCopyHwm copied ${hwms.length} of ${sources.length}`)
        for (const copy of hwms as HWMResponseV1[]) {
          const source = sources.find((s) => s.name === copy.name)
          if (!source || !allowed(source).has(copy.value as number))
            flag('mismatch', `copy ${copy.name}=${copy.value} matches no source value`)
          const value = copy.value as number
          w.hwms.push({
            id: copy.id,
            ns: w.b.id,
            name: copy.name,
            origin: 'copy',
            createdValue: value,
            value,
            maybe: new Set(),
            updates: new Map(),
            deleted: false,
            maybeDeleted: false,
            deleteConfirmed: false,
          })
          allHwmIds.push(copy.id)
        }
      } catch (e) {
        if (e instanceof EntityAlreadyExistsError)
          flag('duplicate', `bulkCopyHwm #${op}: 409 in a target that never held these names (sent twice)`)
        if (outcome(e, op) === 'maybe' || e instanceof EntityAlreadyExistsError)
          for (const s of sources)
            pendingHwms.set(`${w.b.id}/${s.name}`, {
              ns: w.b.id,
              name: s.name,
              values: allowed(s),
              what: `bulkCopyHwm #${op}`,
            })
        throw e
      }
    },
    async createNamespace(w, op, call) {
      const name = `${run}_w${w.n}_n${op}`
      try {
        const ns = await w.client.createNamespace({ name, description: 'start' }, call)
        const model: NsModel = {
          id: ns.id,
          name,
          description: 'start',
          maybeDescriptions: new Set(),
          descriptions: new Map(),
          roles: new Map(),
        }
        spaces.set(ns.id, model)
        w.spaces.push(model)
      } catch (e) {
        if (e instanceof EntityAlreadyExistsError)
          flag('duplicate', `createNamespace ${name}: 409 for a name only this call used (sent twice)`)
        if (outcome(e, op) === 'maybe' || e instanceof EntityAlreadyExistsError)
          pendingSpaces.set(name, { owner: w.user })
        throw e
      }
    },
    async updateNamespace(w, op, call) {
      const ns = pick(w.spaces)
      const description = `d${op}`
      try {
        const got = await w.client.updateNamespace(ns.id, { description }, call)
        if (got.description !== description) flag('mismatch', `updateNamespace answered ${got.description}`)
        ns.description = description
        ns.descriptions.set(description, 'yes')
      } catch (e) {
        const applied = outcome(e, op)
        ns.descriptions.set(description, applied)
        if (applied === 'maybe') ns.maybeDescriptions.add(description)
        throw e
      }
    },
    async updateNamespacePermissions(w, op, call) {
      const ns = pick(w.spaces)
      const username = pick(others(w))
      const role = pick<Role>(['DEVELOPER', 'MAINTAINER', null])
      const entry = ns.roles.get(username) ?? { value: null, maybe: new Set<Role>() }
      ns.roles.set(username, entry)
      try {
        const got = await w.client.updateNamespacePermissions(ns.id, { permissions: [{ username, role }] }, call)
        const now = got.permissions.find((p) => p.username === username)?.role ?? null
        if (now !== role) flag('mismatch', `updateNamespacePermissions answered ${username}=${now}, asked ${role}`)
        entry.value = role
      } catch (e) {
        if (outcome(e, op) === 'maybe') entry.maybe.add(role)
        throw e
      }
    },
  }

  const total = WEIGHTS.reduce((n, [, w]) => n + w, 0)
  const choose = () => {
    let r = random() * total
    for (const [name, weight] of WEIGHTS) {
      r -= weight
      if (r < 0) return name
    }
    return WEIGHTS[0]![0]
  }

  const started = performance.now()
  const deadline = Date.now() + o.budgetMs
  let outOfTime = false
  let count = 0
  await Promise.all(
    workers.map(async (w) => {
      for (let i = 0; i < o.opsPerWorker; i++) {
        if (Date.now() > deadline) {
          outOfTime = true
          return
        }
        const kind = live(w).length < 3 ? 'createHwm' : choose()
        const op = String(++seq)
        byOp[kind] ??= { ok: 0, failed: 0, maybe: 0 }
        const stats = byOp[kind]
        const t0 = performance.now()
        count++
        try {
          await ops[kind]!(w, op, { headers: { 'x-op': op } })
          stats.ok++
          outcomes.set(op, 'ok')
        } catch (e) {
          stats.failed++
          if (outcome(e, op) === 'maybe') stats.maybe++
          outcomes.set(op, 'failed')
          errors.push(e)
          if (!(e instanceof HorizonError)) flag('untyped', `${kind} #${op} threw ${className(e)}: ${String(e)}`)
        }
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const durationMs = performance.now() - started

  // Every onError belongs to a call that failed (ifExists / ifNotExists turn some failures into success).
  for (const [op, n] of errorHooks)
    if (outcomes.get(op) === 'ok') flag('hook', `onError fired ${n}× for call #${op}, which succeeded`)

  // Quiesce: nothing in flight, no more faults; then read the truth.
  const serverFired: Record<string, number> = {}
  for (const f of rig.server.faults.list()) {
    const key = `${f.kind}${f.kind === 'status' ? ` ${f.status}${f.retryAfter !== undefined ? ' +Retry-After' : ''}` : ''}`
    serverFired[key] = (serverFired[key] ?? 0) + f.hits
  }
  rig.server.faults.clear()
  rig.proxy.rules = []
  await rig.proxy.waitIdle(15_000)
  const served = rig.server.requests.length - servedBefore
  const proxied = rig.proxy.count.requests - proxiedBefore
  const checkStarted = performance.now()
  const final = await check(admin, { workers, spaces, pendingHwms, pendingSpaces, flag })
  const serverFaults = Object.values(serverFired).reduce((a, b) => a + b, 0)
  const proxyFaults = Object.values(rig.proxy.fired).reduce((a, b) => a + b, 0)
  const errorsByClass: Record<string, number> = {}
  for (const e of errors) errorsByClass[className(e)] = (errorsByClass[className(e)] ?? 0) + 1
  return {
    ops: count,
    byOp,
    errorsByClass,
    errors,
    findings,
    durationMs: Math.round(durationMs),
    outOfTime,
    latency: percentiles(latencies),
    requests: {
      proxied,
      served,
      serverFaults,
      proxyFaults,
      faultRate: Math.round(((serverFaults + proxyFaults) / Math.max(1, proxied)) * 1000) / 1000,
    },
    proxyFired: { ...rig.proxy.fired },
    serverFired,
    final: { ...final, checkMs: Math.round(performance.now() - checkStarted) },
  }
}

/** Runs `fn` over `items`, `n` at a time. */
async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]!)
    }),
  )
}

/** Reads everything through the admin client and compares it with the model. */
async function check(
  admin: HorizonClient,
  m: {
    workers: Worker[]
    spaces: Map<number, NsModel>
    pendingHwms: Map<string, Pending>
    pendingSpaces: Map<string, { owner: string }>
    flag: (kind: Finding['kind'], detail: string) => void
  },
): Promise<{ namespaces: number; hwms: number; historyRows: number }> {
  const { flag } = m
  const serverSpaces = []
  for await (const ns of admin.iterateNamespaces({})) serverSpaces.push(ns)
  const ours = new Map<number, { name: string; owner: string }>()
  for (const ns of serverSpaces) {
    const known = m.spaces.get(ns.id)
    if (known) {
      const ok = new Set([known.description, ...known.maybeDescriptions])
      if (!ok.has(ns.description))
        flag('mismatch', `namespace ${ns.name}: description ${ns.description}, model ${[...ok]}`)
    } else if (m.pendingSpaces.has(ns.name)) {
      if (m.pendingSpaces.get(ns.name)!.owner !== ns.owned_by)
        flag('mismatch', `namespace ${ns.name} owned by ${ns.owned_by}`)
    } else flag('phantom', `namespace ${ns.name} (#${ns.id}) was created by no call`)
    ours.set(ns.id, { name: ns.name, owner: ns.owned_by })
  }
  for (const known of m.spaces.values()) if (!ours.has(known.id)) flag('lost', `namespace ${known.name} is gone`)

  // HWMs: every one known (by id) or pending (by namespace and name), values as allowed.
  const byId = new Map<number, HWMResponseV1>()
  await pool([...ours.keys()], 4, async (namespace_id) => {
    for await (const h of admin.iterateHwm({ namespace_id })) byId.set(h.id, h)
  })
  const model = new Map<number, HwmModel>()
  for (const w of m.workers) for (const h of w.hwms) model.set(h.id, h)
  const seenNames = new Map<string, number>()
  for (const h of byId.values()) {
    const key = `${h.namespace_id}/${h.name}`
    seenNames.set(key, (seenNames.get(key) ?? 0) + 1)
    const known = model.get(h.id)
    if (known) {
      const ok = new Set([known.value, ...known.maybe])
      if (known.deleteConfirmed) flag('mismatch', `HWM #${h.id} exists after a delete that succeeded`)
      if (!ok.has(h.value as number)) flag('mismatch', `HWM #${h.id} = ${h.value}, model allows ${[...ok]}`)
      continue
    }
    const pending = m.pendingHwms.get(key)
    if (!pending) flag('phantom', `HWM ${key} (#${h.id}) was created by no call`)
    else if (!pending.values.has(h.value as number))
      flag('mismatch', `HWM ${key} = ${h.value}, ${pending.what} allows ${[...pending.values]}`)
  }
  for (const [key, n] of seenNames) if (n > 1) flag('duplicate', `${n} HWMs named ${key}`)
  for (const h of model.values())
    if (!byId.has(h.id) && !h.deleted && !h.maybeDeleted)
      flag('lost', `HWM #${h.id} (${h.name}) is gone, no delete touched it`)

  // History: one row per write, never two.
  const ids = new Set([...byId.keys(), ...model.keys()])
  let historyRows = 0
  await pool([...ids], 8, async (hwm_id) => {
    const counts = new Map<string, number>()
    for await (const row of admin.iterateHwmHistory({ hwm_id })) {
      historyRows++
      const key = `${row.action}|${JSON.stringify(row.value)}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    for (const [key, n] of counts) if (n > 1) flag('duplicate', `HWM #${hwm_id}: ${n} history rows ${key}`)
    const h = model.get(hwm_id)
    if (!h) return
    const rows = (action: string, value: number) => counts.get(`${action}|${value}`) ?? 0
    if (h.origin === 'create' && rows('Created', h.createdValue) !== 1)
      flag('mismatch', `HWM #${hwm_id}: ${rows('Created', h.createdValue)} Created rows`)
    for (const [value, applied] of h.updates) {
      const n = rows('Updated', value)
      if (applied === 'yes' && n !== 1) flag('mismatch', `HWM #${hwm_id}: update to ${value} succeeded, ${n} rows`)
      if (applied === 'no' && n !== 0) flag('mismatch', `HWM #${hwm_id}: update to ${value} failed, yet ${n} rows`)
    }
    const deleted = [...counts].filter(([k]) => k.startsWith('Deleted|')).reduce((a, [, n]) => a + n, 0)
    if (h.deleteConfirmed && deleted !== 1) flag('mismatch', `HWM #${hwm_id}: deleted, ${deleted} Deleted rows`)
  })

  // Namespaces: one Created row, one row per description written; roles as the model allows.
  await pool([...m.spaces.values()], 4, async (ns) => {
    const counts = new Map<string, number>()
    for await (const row of admin.iterateNamespaceHistory({ namespace_id: ns.id })) {
      const key = `${row.action}|${row.action === 'Created' ? '' : row.description}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    if ((counts.get('Created|') ?? 0) !== 1)
      flag('duplicate', `namespace ${ns.name}: ${counts.get('Created|')} Created rows`)
    for (const [key, n] of counts)
      if (n > 1 && key !== 'Created|') flag('duplicate', `namespace ${ns.name}: ${n} rows ${key}`)
    for (const [description, applied] of ns.descriptions) {
      const n = counts.get(`Updated|${description}`) ?? 0
      if (applied === 'yes' && n !== 1)
        flag('mismatch', `namespace ${ns.name}: description ${description} written, ${n} rows`)
      if (applied === 'no' && n !== 0)
        flag('mismatch', `namespace ${ns.name}: description ${description} failed, ${n} rows`)
    }
    const { permissions } = await admin.getNamespacePermissions(ns.id)
    for (const [username, role] of ns.roles) {
      const now = permissions.find((p) => p.username === username)?.role ?? null
      const ok = new Set<Role | string>([role.value, ...role.maybe])
      if (!ok.has(now)) flag('mismatch', `namespace ${ns.name}: ${username} is ${now}, model allows ${[...ok]}`)
    }
  })
  return { namespaces: serverSpaces.length, hwms: byId.size, historyRows }
}
