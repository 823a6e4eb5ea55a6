/**
 * The demo data set: deterministic (a seeded generator, fixed dates), replayed event by event through
 * the same rows and history writes as the routes, so ids and histories look like a real database's.
 */
import type { JsonValue } from '@horizon-ts/core/json'
import { type Clock, microsOf } from './clock.js'
import { type BulkSeed, bulkTables, checkBulkSeed } from './seed-bulk.js'
import { demoUsers, type NamespaceSpec, namespaceSpecs } from './seed-catalog.js'
import { type HwmRow, hwmSnapshot, namespaceSnapshot, Tables, userByName } from './store.js'

const MINUTE = 60_000_000
const HOUR = 60 * MINUTE
const START = microsOf('2026-10-01T06:00:00Z')

/** mulberry32: a tiny seeded generator, so the "random" data is the same on every run. */
function generator(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) }
}
type Random = ReturnType<typeof generator>

type Kind = 'column_int' | 'column_datetime' | 'column_date' | 'file_list' | 'key_value_int'
const TEMPLATES: ReadonlyArray<[Kind, string | null]> = [
  ['column_int', 'id'],
  ['column_datetime', 'updated_at'],
  ['column_date', 'business_date'],
  ['column_datetime', 'created_at'],
  ['file_list', null],
  ['key_value_int', null],
]

interface Plan {
  ns: NamespaceSpec
  kind: Kind
  name: string
  entity: string
  expression: string | null
  description: string
  /** Event times: creation, updates, and deletion for deleted ones. */
  times: number[]
  writers: string[]
  deletes: boolean
}

const day = (micros: number) => new Date(micros / 1000).toISOString().slice(0, 10)
const naiveIso = (micros: number) =>
  `${new Date(micros / 1000).toISOString().slice(0, 19)}.${String(micros % 1_000_000).padStart(6, '0')}`

/** The value of a HWM at its n-th write, at time `at`. */
function valueAt(plan: Plan, n: number, at: number, random: Random): JsonValue {
  const lag = random.int(5, 90) * MINUTE
  switch (plan.kind) {
    case 'column_int':
      return 1000 + (plan.name.length * 7919 + n * random.int(500, 40_000)) * (n + 1)
    case 'column_datetime':
      return naiveIso(at - lag)
    case 'column_date':
      return day(at - 24 * HOUR)
    case 'file_list':
      return Array.from(
        { length: n + 2 },
        (_, i) => `${plan.entity}/${day(at - (n + 1 - i) * 24 * HOUR)}/part-${String(i).padStart(5, '0')}.csv`,
      )
    case 'key_value_int':
      return Object.fromEntries([0, 1, 2].map((p) => [String(p), (n + 1) * 10_000 + p * 1_337 + random.int(0, 999)]))
  }
}

function plans(random: Random): Plan[] {
  const out: Plan[] = []
  for (const ns of namespaceSpecs) {
    const combos = ns.tables.flatMap((table) => TEMPLATES.map((template) => [table, template] as const))
    // A seeded shuffle gives each namespace a varied mix of types per table.
    for (let i = combos.length - 1; i > 0; i--) {
      const j = random.int(0, i)
      ;[combos[i], combos[j]] = [combos[j]!, combos[i]!]
    }
    const writers = [ns.owner, ...Object.keys(ns.grants)]
    combos.slice(0, ns.hwms + ns.deleted).forEach(([table, [kind, column]], i) => {
      const entity =
        kind === 'file_list'
          ? `/data/incoming/${ns.schema}/${table}`
          : kind === 'key_value_int'
            ? `${ns.schema}.${table}.events`
            : `${ns.schema}.${table}`
      const name = column ? `${entity}.${column}` : kind === 'file_list' ? `files:${entity}` : `kafka:${entity}`
      const created = START + HOUR + random.int(0, 10 * 24 * 60) * MINUTE + random.int(0, 999_999)
      const times = [created]
      for (let u = random.int(0, 3); u > 0; u--)
        times.push(times.at(-1)! + random.int(2 * 60, 36 * 60) * MINUTE + random.int(0, 999_999))
      const deletes = i >= ns.hwms
      if (deletes) times.push(times.at(-1)! + random.int(60, 600) * MINUTE)
      const description = random.next() < 0.3 ? '' : `Incremental load of ${entity}${column ? ` by ${column}` : ''}`
      out.push({ ns, kind, name, entity, expression: column, description, times, writers, deletes })
    })
  }
  return out
}

/** The demo tables; `clock` learns the newest timestamp so later writes come after it. */
export function demoTables(clock: Clock): Tables {
  const t = new Tables()
  const random = generator(0x5eed)
  const ids = new Map(demoUsers.map(({ username }) => [username, userByName(t, username).id]))
  const userId = (name: string) => ids.get(name)!
  let now = START
  const nsIds = new Map<string, number>()
  for (const spec of namespaceSpecs) {
    now += random.int(3, 15) * MINUTE + random.int(0, 999_999)
    const ns = {
      id: t.next('namespace'),
      name: spec.name,
      description: spec.description,
      ownerId: userId(spec.owner),
      changedAt: now,
      changedById: userId(spec.owner),
    }
    t.putNamespace(ns)
    for (const [user, role] of Object.entries(spec.grants)) t.setRole(ns.id, userId(user), role)
    t.addNamespaceHistory(namespaceSnapshot(ns, 'Created'))
    nsIds.set(spec.name, ns.id)
  }
  type Event = { at: number; plan?: Plan; n: number; description?: string; ns?: NamespaceSpec }
  const events: Event[] = plans(random).flatMap((plan) => plan.times.map((at, n) => ({ at, plan, n })))
  for (const ns of namespaceSpecs)
    if (ns.laterDescription)
      events.push({ at: START + 6 * 24 * HOUR + 17 * MINUTE + 412_337, n: 0, ns, description: ns.laterDescription })
  events.sort((a, b) => a.at - b.at)
  const live = new Map<Plan, HwmRow>()
  for (const event of events) {
    now = Math.max(event.at, now + 1)
    if (event.ns) {
      const old = t.namespaces.get(nsIds.get(event.ns.name)!)!
      const ns = { ...old, description: event.description!, changedAt: now, changedById: old.ownerId }
      t.putNamespace(ns)
      t.addNamespaceHistory(namespaceSnapshot(ns, 'Updated'))
      continue
    }
    const plan = event.plan!
    const writer = userId(plan.writers[random.int(0, plan.writers.length - 1)]!)
    const old = live.get(plan)
    if (old && event.n === plan.times.length - 1 && plan.deletes) {
      t.removeHwm(old.id)
      live.delete(plan)
      t.addHwmHistory({ ...hwmSnapshot(old, 'Deleted'), changedById: userId(plan.ns.owner) })
      continue
    }
    const value = valueAt(plan, event.n, now, random)
    const fields = { value, changedAt: now, changedById: writer }
    const hwm: HwmRow = old
      ? { ...old, ...fields }
      : {
          id: t.next('hwm'),
          namespaceId: nsIds.get(plan.ns.name)!,
          name: plan.name,
          description: plan.description,
          type: plan.kind,
          entity: plan.entity,
          expression: plan.expression,
          ...fields,
        }
    t.putHwm(hwm)
    live.set(plan, hwm)
    t.addHwmHistory(hwmSnapshot(hwm, old ? 'Updated' : 'Created'))
  }
  clock.observe(now)
  return t
}

/** A named data set: nothing at all, or the realistic demo data above. */
export type SeedName = 'empty' | 'demo'

/** What the server starts with: a named data set, or a generated one of a given size. */
export type Seed = SeedName | BulkSeed

/** Throws a TypeError for anything that is not a {@link Seed} (a generated one's bad field named). */
export function checkSeed(seed: unknown): Seed {
  if (seed === 'empty' || seed === 'demo') return seed
  if (typeof seed === 'object' && seed !== null && !Array.isArray(seed)) {
    checkBulkSeed(seed as BulkSeed)
    return seed as BulkSeed
  }
  throw new TypeError(`Unknown seed '${String(seed)}': use 'empty', 'demo' or { namespaces, hwmsPerNamespace }`)
}

/** The tables a seed starts with. */
export function seedTables(seed: Seed, clock: Clock): Tables {
  if (seed === 'demo') return demoTables(clock)
  if (seed === 'empty') return new Tables()
  return bulkTables(seed, clock)
}
