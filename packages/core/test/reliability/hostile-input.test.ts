/**
 * Hostile input, by property: every call is either refused before sending (RequestValidationError,
 * and the request log shows nothing) or reaches exactly the route it names (method and path as
 * the log shows them; query parameters exactly as given) and answers or fails with a HorizonError.
 * Never a synchronous throw, an untyped error, a hang, another path.
 */
import {
  HorizonClient,
  HorizonError,
  type HWMResponseV1,
  LoginPassword,
  type NamespaceResponseV1,
  RequestValidationError,
} from '@horizon-ts/core'
import { stringifyJson } from '@horizon-ts/core/json'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD, type Rig, trackUnhandled, useRig, within } from './rig.js'

const RUNS = Number(process.env.HOSTILE_RUNS ?? 200)
const SEED = Number(process.env.HOSTILE_SEED ?? 424242)
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true }
const TOKEN = '/v1/auth/token'

// ---- arbitraries -------------------------------------------------------------------------------

const big = 'x'.repeat(100_000)
const specialStrings = [
  '',
  ' ',
  '/',
  '?',
  '#',
  '%',
  '.',
  '..',
  '../',
  '../../v1/namespaces/',
  'a/../b',
  '%2F',
  '%2e%2e',
  '%00',
  '%zz',
  '?a=1&b=2',
  '#frag',
  '+',
  '&',
  '=',
  '\\',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDC00',
  'a\uD800b',
  '\uDBFF\uDFFF',
  '\uFFFF',
  '\uFEFF',
  '\u202E',
  '😀',
  'e\u0301',
  '\t',
  '\r\n',
  '<script>',
  '"',
  "'",
  'x'.repeat(256),
  'x'.repeat(257),
  'x'.repeat(2048),
  'x'.repeat(2049),
  big,
]
const hostileString = fc.oneof(
  fc.constantFrom(...specialStrings),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.array(fc.constantFrom(...specialStrings.slice(0, 36)), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
)

class Point {
  constructor(
    public x: unknown,
    public y = 2,
  ) {}
}
const nullProto = (entries: Array<[string, unknown]>) =>
  Object.assign(Object.create(null) as object, Object.fromEntries(entries))
const nest = (depth: number, leaf: unknown = 1, asObject = false): unknown => {
  let v = leaf
  for (let i = 1; i < depth; i++) v = asObject ? { a: v } : [v]
  return v
}
const circular = () => {
  const o: Record<string, unknown> = { a: 1 }
  o.self = o
  return o
}
const circularArray = () => {
  const a: unknown[] = [1]
  a.push([a])
  return a
}
const specialValues = (): unknown[] => [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  2 ** 53,
  1733080000123456789n,
  -9007199254740993n,
  18446744073709551616n,
  undefined,
  null,
  true,
  Symbol('value'),
  () => 1,
  new Date(0),
  new Map([[1, 2]]),
  new Set([1]),
  new Point(1),
  new Number(3),
  new String('boxed'),
  nullProto([['k', 1]]),
  { toJSON: () => 'via toJSON' },
  { toJSON: () => Number.NaN },
  [1, undefined, 3],
  // biome-ignore lint/suspicious/noSparseArray: a hole is one of the hostile inputs
  [1, , 3],
  big,
  '',
  nest(254),
  nest(255),
  nest(256),
  nest(300),
  nest(254, 1, true),
  nest(300, 1, true),
  circular(),
  circularArray(),
]
const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: fc.constantFrom(...specialValues()), weight: 5 },
    fc.double(),
    fc.bigInt(),
    fc.integer(),
    hostileString,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 3 }),
    tie('value').map((v) => new Point(v)),
    tie('value').map((v) => nullProto([['v', v]])),
  ),
}))
const hostileId = fc.oneof(
  fc.integer({ min: 1, max: 60 }),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.constantFrom<unknown>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    -1,
    2 ** 53,
    2 ** 63,
    5n,
    2n ** 70n,
    '1',
    '1/../2',
    '..',
    '../1',
    '1?x=2',
    '1#x',
    '%2e%2e',
    ' 1',
    null,
    undefined,
    true,
    {},
    [],
    [1],
    () => 1,
    Symbol('id'),
    new Number(5),
    nullProto([]),
  ),
  hostileString,
)
const hostileOptions = fc.constantFrom<unknown>(
  undefined,
  null,
  {},
  { headers: {} },
  { signal: undefined },
  0,
  'x',
  [],
  { signal: 'not a signal' },
  { headers: null },
  nullProto([]),
)
const hostileNumber = fc.oneof(
  fc.integer({ min: -2, max: 60 }),
  fc.constantFrom<unknown>(Number.NaN, 1.5, -0, '2', null, 2n, undefined),
)

/**
 * Why JSON would not carry `v` faithfully, if it would not: the test's own oracle, independent of
 * the client's checker. NaN/±Infinity and undefined in arrays or holes become null, functions,
 * symbols, Map and Set vanish or turn into {}, a cycle cannot be written, and Horizon cannot
 * serialise more than 255 levels (a scalar counts as one).
 */
function mangled(v: unknown, depth = 1, seen = new Set<object>()): string | undefined {
  if (depth > 255) return 'nested deeper than 255 levels'
  if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON: () => unknown }).toJSON()
  if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf()
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : `${v}`
  if (typeof v === 'function' || typeof v === 'symbol' || v === undefined) return typeof v
  if (typeof v !== 'object' || v === null) return undefined
  if (v instanceof Map || v instanceof Set) return v.constructor.name
  if (seen.has(v)) return 'a cycle'
  seen.add(v)
  try {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) return 'a hole in an array'
        const why = mangled(v[i], depth + 1, seen)
        if (why) return why
      }
      return undefined
    }
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k]
      if (x === undefined) continue // JSON leaves undefined properties out, as everyone expects
      const why = mangled(x, depth + 1, seen)
      if (why) return why
    }
    return undefined
  } finally {
    seen.delete(v)
  }
}

/** Codes of the refusals seen, for the report. */
const refusals = new Map<string, number>()

// ---- the probe -------------------------------------------------------------------------------

interface Expect {
  method: string
  /** the path the call names, as the server's log shows it */
  path: string
  /** query parameters that must arrive exactly (absent: none of them) */
  query?: Record<string, unknown>
}

const show = (x: unknown): string => {
  try {
    return typeof x === 'string' ? JSON.stringify(x.length > 60 ? `${x.slice(0, 60)}…(${x.length})` : x) : String(x)
  } catch {
    return Object.prototype.toString.call(x)
  }
}

/** Runs one call and checks what reached the server. Answers the result, or undefined after an error. */
async function probe<T>(rig: Rig, call: () => Promise<T>, expected: Expect): Promise<T | undefined> {
  rig.server.clearRequests()
  let promise: Promise<T>
  try {
    promise = call()
  } catch (e) {
    throw new Error(`synchronous throw (${show(e)}) instead of a rejected promise`)
  }
  let result: T | undefined
  let error: unknown
  try {
    result = await within(promise, 4_000, `${expected.method} ${expected.path}`)
  } catch (e) {
    error = e
  }
  const sent = rig.server.requests.filter((r) => r.path !== TOKEN)
  if (error !== undefined && !(error instanceof HorizonError))
    throw new Error(`untyped error: ${error instanceof Error ? `${error.name}: ${error.message}` : show(error)}`)
  if (!sent.length) {
    if (!(error instanceof RequestValidationError))
      throw new Error(`nothing reached the server, yet the call ${error ? `failed with ${show(error)}` : 'succeeded'}`)
    for (const d of error.details ?? []) refusals.set(d.code, (refusals.get(d.code) ?? 0) + 1)
    return undefined
  }
  if (error instanceof RequestValidationError)
    throw new Error(`refused, yet ${sent.length} request(s) reached the server`)
  for (const r of sent) {
    if (r.method !== expected.method || r.path !== expected.path)
      throw new Error(`reached ${r.method} ${r.path}${r.search}, expected ${expected.method} ${expected.path}`)
    if (expected.query) {
      const got = Object.fromEntries(new URLSearchParams(r.search))
      const want: Record<string, string> = {}
      for (const [k, v] of Object.entries(expected.query)) if (v !== undefined && v !== null) want[k] = String(v)
      for (const k of Object.keys(want))
        if (got[k] !== want[k]) throw new Error(`query ${k} arrived as ${show(got[k])}, sent ${show(want[k])}`)
    }
  }
  return result
}

/** The path a call names: its template with the argument percent-encoded, as a URL keeps it. */
const pathOf = (template: string, id: unknown) => {
  let segment: string
  try {
    segment = encodeURIComponent(String(id))
  } catch {
    // a symbol, or a string with a lone surrogate: no URL can carry it, the call must be refused
    segment = '\u0000(no path: must be refused)'
  }
  return template.replace('{}', segment)
}

// ---- properties ------------------------------------------------------------------------------

describe('hostile input', () => {
  const rig = useRig()
  let owner: HorizonClient
  let guest: HorizonClient
  let ns: NamespaceResponseV1
  let target: NamespaceResponseV1
  let hwm: HWMResponseV1
  const unhandled = trackUnhandled()

  beforeAll(async () => {
    const make = (login: string) =>
      new HorizonClient({
        baseUrl: rig.current.server.url,
        auth: new LoginPassword({ login, password: PASSWORD }),
        retry: false,
        validateResponses: true,
        timeout: { connectionTimeout: 3, requestTimeout: 3 },
      })
    owner = make('fuzz')
    guest = make('guest')
    await owner.authorize()
    await guest.authorize()
    ns = await owner.createNamespace({ name: 'fuzz_ns' })
    target = await owner.createNamespace({ name: 'fuzz_target' })
    hwm = await owner.createHwm({ namespace_id: ns.id, name: 'fuzz_hwm', type: 'column_int', value: 1 })
  })

  const pathOps: Array<[string, string, string, (c: HorizonClient, id: unknown, o: unknown) => Promise<unknown>]> = [
    ['getHwm', 'GET', '/v1/hwm/{}', (c, id, o) => (c.getHwm as (...a: unknown[]) => Promise<unknown>)(id, o)],
    [
      'updateHwm',
      'PATCH',
      '/v1/hwm/{}',
      (c, id, o) => (c.updateHwm as (...a: unknown[]) => Promise<unknown>)(id, { description: 'd' }, o),
    ],
    ['deleteHwm', 'DELETE', '/v1/hwm/{}', (c, id, o) => (c.deleteHwm as (...a: unknown[]) => Promise<unknown>)(id, o)],
    [
      'getNamespace',
      'GET',
      '/v1/namespaces/{}',
      (c, id, o) => (c.getNamespace as (...a: unknown[]) => Promise<unknown>)(id, o),
    ],
    [
      'updateNamespace',
      'PATCH',
      '/v1/namespaces/{}',
      (c, id, o) => (c.updateNamespace as (...a: unknown[]) => Promise<unknown>)(id, { description: 'd' }, o),
    ],
    [
      'deleteNamespace',
      'DELETE',
      '/v1/namespaces/{}',
      (c, id, o) => (c.deleteNamespace as (...a: unknown[]) => Promise<unknown>)(id, o),
    ],
    [
      'getNamespacePermissions',
      'GET',
      '/v1/namespaces/{}/permissions',
      (c, id, o) => (c.getNamespacePermissions as (...a: unknown[]) => Promise<unknown>)(id, o),
    ],
    [
      'updateNamespacePermissions',
      'PATCH',
      '/v1/namespaces/{}/permissions',
      (c, id, o) =>
        (c.updateNamespacePermissions as (...a: unknown[]) => Promise<unknown>)(
          id,
          { permissions: [{ username: 'fuzz', role: 'DEVELOPER' }] },
          o,
        ),
    ],
  ]

  it('ids in a path: refused, or exactly the named route (a "/" or ".." never moves the path)', async () => {
    const seen = { refused: 0, sent: 0 }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pathOps), hostileId, async ([, method, template, op], id) => {
        await probe(rig.current, () => op(guest, id, undefined), { method, path: pathOf(template, id) })
        if (rig.current.server.requests.some((r) => r.path !== TOKEN)) seen.sent++
        else seen.refused++
      }),
      params,
    )
    console.log(`[hostile] path ids: ${RUNS} runs, ${seen.refused} refused before sending, ${seen.sent} sent`)
  }, 60_000)

  it('call options (null, wrong types, a non-signal): refused as a rejected promise, or the call runs', async () => {
    const seen = { refused: 0, sent: 0 }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pathOps), hostileOptions, async ([, method, template, op], o) => {
        await probe(rig.current, () => op(guest, hwm.id, o), { method, path: pathOf(template, hwm.id) })
        if (rig.current.server.requests.some((r) => r.path !== TOKEN)) seen.sent++
        else seen.refused++
      }),
      params,
    )
    console.log(`[hostile] call options: ${RUNS} runs, ${seen.refused} refused before sending, ${seen.sent} sent`)
  }, 60_000)

  it('strings and numbers in a query: refused, or the route with every parameter exactly as given', async () => {
    const seen = { refused: 0, sent: 0 }
    const queryOps = fc.oneof(
      fc
        .record({ name: hostileString, page: hostileNumber, page_size: hostileNumber }, { requiredKeys: ['name'] })
        .map((q) => ['/v1/namespaces/', q, (c: HorizonClient) => c.paginateNamespaces(q as never)] as const),
      fc
        .record(
          { namespace_id: fc.oneof(fc.constant(0), hostileId), name: hostileString, page_size: hostileNumber },
          { requiredKeys: ['name'] },
        )
        .map((q) => {
          const query = { ...q, namespace_id: q.namespace_id === 0 ? ns.id : q.namespace_id }
          return ['/v1/hwm/', query, (c: HorizonClient) => c.paginateHwm(query as never)] as const
        }),
      fc
        .record({ hwm_id: hostileId, page: hostileNumber })
        .map((q) => ['/v1/hwm-history/', q, (c: HorizonClient) => c.paginateHwmHistory(q as never)] as const),
      fc
        .record({ namespace_id: hostileId, page_size: hostileNumber })
        .map(
          (q) => ['/v1/namespace-history/', q, (c: HorizonClient) => c.paginateNamespaceHistory(q as never)] as const,
        ),
    )
    await fc.assert(
      fc.asyncProperty(queryOps, async ([path, query, op]) => {
        await probe<unknown>(rig.current, () => op(owner), { method: 'GET', path, query })
        if (rig.current.server.requests.some((r) => r.path !== TOKEN)) seen.sent++
        else seen.refused++
      }),
      params,
    )
    console.log(`[hostile] queries: ${RUNS} runs, ${seen.refused} refused before sending, ${seen.sent} sent`)
  }, 60_000)

  it('bodies (createHwm, updateHwm, createNamespace): refused, or sent to the route and stored as JSON writes them', async () => {
    const seen = { refused: 0, stored: 0, failed: 0 }
    const bodyOps = fc.oneof(
      fc
        .record(
          {
            name: hostileString,
            type: fc.oneof(fc.constant('column_int'), hostileString),
            value: hostileValue,
            description: hostileString,
            entity: fc.oneof(hostileString, fc.constant(null)),
            expression: fc.oneof(hostileString, fc.constant(null)),
          },
          { requiredKeys: ['name', 'type', 'value'] },
        )
        .map((body) => ({ kind: 'createHwm' as const, body })),
      fc
        .record({ value: hostileValue, description: hostileString }, { requiredKeys: [] })
        .map((body) => ({ kind: 'updateHwm' as const, body })),
      fc
        .record({ name: hostileString, description: hostileString }, { requiredKeys: ['name'] })
        .map((body) => ({ kind: 'createNamespace' as const, body })),
    )
    await fc.assert(
      fc.asyncProperty(bodyOps, async (op) => {
        const o = undefined
        let out: HWMResponseV1 | NamespaceResponseV1 | undefined
        if (op.kind === 'createHwm') {
          const body = { namespace_id: ns.id, ...op.body }
          out = await probe(
            rig.current,
            () => (owner.createHwm as (...a: unknown[]) => Promise<HWMResponseV1>)(body, o),
            {
              method: 'POST',
              path: '/v1/hwm/',
            },
          )
        } else if (op.kind === 'updateHwm') {
          out = await probe(
            rig.current,
            () => (owner.updateHwm as (...a: unknown[]) => Promise<HWMResponseV1>)(hwm.id, op.body, o),
            { method: 'PATCH', path: `/v1/hwm/${hwm.id}` },
          )
        } else {
          out = await probe(
            rig.current,
            () => (owner.createNamespace as (...a: unknown[]) => Promise<NamespaceResponseV1>)(op.body, o),
            { method: 'POST', path: '/v1/namespaces/' },
          )
        }
        const sent = rig.current.server.requests.some((r) => r.path !== TOKEN)
        const value = (op.body as { value?: unknown }).value
        // A value JSON would mangle (NaN sent as null…) must never be sent.
        // (`value: undefined` is an absent field, as JSON writes it: nothing to mangle.)
        if (sent && value !== undefined && mangled(value))
          throw new Error(`sent a value JSON mangles: ${mangled(value)}`)
        if (!sent) seen.refused++
        else if (out) seen.stored++
        else seen.failed++
        if (!out) return
        // What was accepted is stored as JSON writes it: same name, same value digit for digit.
        const b = op.body as Record<string, unknown>
        if (b.name !== undefined) expect(out.name).toBe(b.name)
        if ('value' in out && b.value !== undefined)
          expect(stringifyJson((out as HWMResponseV1).value)).toBe(stringifyJson(b.value))
        if (b.description !== undefined) expect(out.description).toBe(b.description)
      }),
      params,
    )
    console.log(
      `[hostile] bodies: ${RUNS} runs, ${seen.refused} refused, ${seen.stored} stored, ${seen.failed} answered an error`,
    )
  }, 90_000)

  it('id lists and flags in bodies (bulkCopyHwm, bulkDeleteHwm): refused, or exactly the named route', async () => {
    const ids = fc.oneof(
      fc.array(hostileId, { maxLength: 4 }),
      fc.constantFrom<unknown>(null, 'x', {}, [[1]], undefined),
    )
    await fc.assert(
      fc.asyncProperty(
        ids,
        fc.oneof(fc.boolean(), fc.constantFrom<unknown>(null, 'yes', 1, undefined)),
        async (hwmIds, flag) => {
          const copy = (owner.bulkCopyHwm as (...a: unknown[]) => Promise<unknown>).bind(owner)
          await probe(
            rig.current,
            () =>
              copy({ source_namespace_id: ns.id, target_namespace_id: target.id, hwm_ids: hwmIds, with_history: flag }),
            { method: 'POST', path: '/v1/hwm/copy' },
          )
          const del = (guest.bulkDeleteHwm as (...a: unknown[]) => Promise<unknown>).bind(guest)
          await probe(rig.current, () => del(ns.id, hwmIds), { method: 'DELETE', path: '/v1/hwm/' })
        },
      ),
      params,
    )
  }, 60_000)

  it('left no unhandled rejection behind', () => {
    unhandled.stop()
    console.log(`[hostile] refusal codes: ${JSON.stringify(Object.fromEntries(refusals))}`)
    expect(unhandled.reasons.map(String)).toEqual([])
  })
})
