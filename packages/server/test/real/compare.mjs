#!/usr/bin/env node
/**
 * Black-box comparison of `@horizon-ts/server` (the BUILT package, `packages/server/dist`) with the
 * real Horizon 1.1.3 at HORIZON_URL (default http://127.0.0.1:8765): the same sequence of requests
 * (steps.mjs) goes to both; status, the compared headers and the body text, after mapping ids,
 * timestamps and tokens (normalize.mjs), must be equal byte for byte. Prints each difference and
 * exits 1 when one remains outside ALLOWED (the real server's documented 500 bugs, where ours must
 * answer a sensible non-500 instead).
 *
 *     pnpm --filter @horizon-ts/server build && node packages/server/test/real/compare.mjs [--verbose]
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { send } from './http.mjs'
import { Labels, normalizeBody, normalizeHeaders } from './normalize.mjs'
import { steps } from './steps.mjs'

/**
 * The real Horizon 1.1.3's documented 500 bugs (shared/real-horizon/README.md), by step name. There
 * the real answer is not compared: it must be a 500 (else the step is compared as usual), and ours
 * must not be a 500, and must be a client error or success.
 */
export const ALLOWED = {
  // ids of 2^63 and more overflow PostgreSQL's bigint
  'get ns 2^63': 'id >= 2^63',
  'get ns 20 digits': 'id >= 2^63',
  'get hwm 2^63': 'id >= 2^63',
  'create hwm ns id 2^63': 'id >= 2^63',
  'copy ids 2^63': 'id >= 2^63',
  // usernames over 256 characters overflow the users table's column
  'login username 300': 'username > 256 characters',
  // PostgreSQL text cannot hold NUL
  'create hwm NUL name': 'NUL in a name',
  // NaN and ±Infinity (Python's json reads them; PostgreSQL's json refuses them)
  'create hwm NaN': 'NaN in a value',
  'patch hwm NaN': 'NaN in a value',
  'create hwm Infinity': 'Infinity in a value',
  'create hwm 1e400': '1e400 in a value',
  'create hwm -1e400': '-1e400 in a value',
  // reading a namespace whose changed_by is not its owner, as anyone but the owner (the PATCH of a
  // superadmin answers it too: its answer is such a read)
  'get ns t as guest (transferred)': 'namespace changed_by is not the owner',
  'patch ns b as admin': 'namespace changed_by is not the owner',
}

/**
 * Further 500s of the real server this comparison found, not in its README: bugs of the same kind
 * (an unhandled exception), where ours answers sensibly instead. Held to the same rule as ALLOWED.
 */
export const ALSO_500 = {
  // Horizon's `hwm_ids` validator calls len() on the raw input before pydantic checks the list: TypeError
  'bulk delete ids null': 'len(None) in the hwm_ids validator',
  // a page number beyond 2^63 overflows PostgreSQL's OFFSET
  'list ns page big': 'page >= 2^63',
  // a lone surrogate is stored, then cannot be encoded as UTF-8 in any answer that holds it
  'create hwm lone surrogate value': 'lone surrogate in a value',
  // pydantic-core cannot serialize the 422's echo of an input nested 300 deep
  'create ns deep array': 'a 422 echoing an input nested 300 deep',
  // PostgreSQL text cannot hold NUL: a description too (the README names names)
  'create ns description unicode': 'NUL in a description',
  // a file part where the login form's text field goes
  'login multipart file username': 'a file as the username',
  'list hwm lone surrogate': 'lone surrogate in a value',
}

const SERVER_DIST = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

/** Sends one step to one server; the answer as sent, and the path actually used. */
async function run(step, c) {
  // Ids of this server the request carried, as the step read them from its context: they are
  // echoed in places no key names (`"input":"12.5"`, a Location's query), and mapped there too.
  const used = []
  const track = (kind, ids) =>
    new Proxy(ids, {
      get(target, key) {
        const id = target[key]
        if (typeof key === 'string' && id !== undefined) used.push([kind, id])
        return id
      },
    })
  const view = { ...c, ns: track('ns', c.ns), hwm: track('hwm', c.hwm) }
  const value = (x) => (typeof x === 'function' ? x(view) : x)
  const headers = {}
  for (const [key, v] of Object.entries(step.headers ?? {})) headers[key] = value(v)
  if (step.as && c.tok[step.as]) headers.authorization = `Bearer ${c.tok[step.as]}`
  const path = value(step.path)
  const body = value(step.body)
  const answer = await send(c.base, { method: step.method, path, headers, body })
  step.save?.(c, answer)
  if (answer.status === 201 && step.method === 'POST' && path === '/v1/namespaces/')
    c.created.add(JSON.parse(answer.body).id)
  used.sort((a, b) => String(b[1]).length - String(a[1]).length)
  return { path, answer, used }
}

/** Labels what a step created by the step's name: a namespace, an HWM, or the HWMs of a copy. */
function register(step, side, labels) {
  if (side.answer.status !== 201) return
  const body = JSON.parse(side.answer.body)
  if (Array.isArray(body.hwms)) {
    // by name: the answer's order is PostgreSQL's physical one (see copiesByName)
    for (const h of body.hwms) labels.register('hwm', h.id, `${step.name}:${h.name}`)
  } else labels.register(side.path.startsWith('/v1/namespaces') ? 'ns' : 'hwm', body.id, step.name)
}

/**
 * A history page with the rows of one `changed_at` put in id order. Horizon orders history by
 * `changed_at` alone, so such rows (a "Deleted" row keeps the HWM's last `changed_at`) come in
 * PostgreSQL's physical order, which a shared, vacuumed table does not keep: the real server answers
 * either order, run to run. Ours answers id order; the comparison leaves ties out.
 */
function tiesById(body, list = '"items":[', byName = false) {
  const start = body.indexOf(list)
  if (start < 0) return body
  const items = []
  let depth = 0
  let from = start + list.length
  let inString = false
  let i = from
  for (; i < body.length; i++) {
    const c = body[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') {
      if (depth === 0) break
      depth--
      if (depth === 0 && c === '}') {
        items.push(body.slice(from, i + 1))
        from = i + 2
      }
    }
  }
  const at = (item) => /"changed_at":"([^"]*)"/.exec(item)?.[1] ?? ''
  const id = (item) => Number(/^\{"id":(\d+)/.exec(item)?.[1] ?? 0)
  const name = (item) => /"name":("(?:[^"\\]|\\.)*")/.exec(item)?.[1] ?? ''
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) =>
      byName
        ? name(a.item) < name(b.item)
          ? -1
          : 1
        : at(a.item) === at(b.item)
          ? id(a.item) - id(b.item)
          : a.index - b.index,
    )
  return body.slice(0, start + list.length) + sorted.map((x) => x.item).join(',') + body.slice(i)
}

/**
 * The HWMs of a copy in name order: Horizon selects them with no ORDER BY, so they come in
 * PostgreSQL's physical order (an updated HWM moves); ours answers id order.
 */
const copiesByName = (body) => tiesById(body, '"hwms":[', true)

/** Both answers, mapped; and the reasons they differ (empty when equal). */
function differences(step, real, ours, labels) {
  const out = []
  const echoes = (text, side, l) => {
    for (const [kind, id] of side.used)
      text = text
        .replace(
          new RegExp(`("input":"?|_id":|/)${id}(?=[._]\\d+(?![\\d.eE]))`, 'g'),
          (_, c) => `${c}${l.id(kind, String(id))}`,
        )
        .replace(new RegExp(`([=/])${id}(?![\\d])`, 'g'), (_, c) => `${c}${l.id(kind, String(id))}`)
    return text
  }
  const mapped = (side, which) => {
    const l = labels[which.name]
    const headers = normalizeHeaders(side.answer.headers, which.base)
    if (headers.location) headers.location = echoes(headers.location, side, l)
    const raw = side.path.includes('-history/')
      ? tiesById(side.answer.body)
      : side.path === '/v1/hwm/copy'
        ? copiesByName(side.answer.body)
        : side.answer.body
    return { status: side.answer.status, headers, body: echoes(normalizeBody(raw, side.path, l), side, l) }
  }
  const r = mapped(real, { name: 'real', base: real.base })
  const o = mapped(ours, { name: 'ours', base: ours.base })
  // content-length: each must be its own body's length (ids and timestamps have other digits on
  // each side); a HEAD answer has no body, so there the values are compared (each a 405's).
  const length = (side) => {
    const n = side.answer.headers['content-length']
    if (n === undefined || step.method === 'HEAD') return n
    return Number(n) === side.answer.bytes ? '<own body length>' : `${n} (body has ${side.answer.bytes} bytes)`
  }
  if (r.headers['content-length'] !== undefined) r.headers['content-length'] = length(real)
  if (o.headers['content-length'] !== undefined) o.headers['content-length'] = length(ours)
  if (r.status !== o.status) out.push(`status: ${r.status} ≠ ${o.status}`)
  for (const name of new Set([...Object.keys(r.headers), ...Object.keys(o.headers)]))
    if (r.headers[name] !== o.headers[name])
      out.push(`${name}: ${JSON.stringify(r.headers[name])} ≠ ${JSON.stringify(o.headers[name])}`)
  if (r.body !== o.body) {
    let i = 0
    while (i < r.body.length && r.body[i] === o.body[i]) i++
    const at = Math.max(0, i - 60)
    out.push(
      `body differs at ${i}:\n      real: …${r.body.slice(at, i + 160)}\n      ours: …${o.body.slice(at, i + 160)}`,
    )
  }
  return out
}

/**
 * Deletes, best effort, what the run created on the shared real server: each namespace's HWMs (a
 * page at a time, by bulk delete), then the namespace, as the superadmin. A namespace whose HWM
 * list answers 500 (the lone surrogate's) has its HWMs deleted by id. History rows stay (Horizon keeps them).
 */
async function cleanUp(c) {
  const admin = { authorization: `Bearer ${c.tok.admin}`, 'content-type': 'application/json' }
  // ids up to beyond the newest this run saw: a bulk delete touches only the namespace it names
  const every = Array.from({ length: Math.max(0, ...Object.values(c.hwm)) + 1000 }, (_, i) => i + 1)
  const del = (path, body) => send(c.base, { method: 'DELETE', path, headers: admin, body: JSON.stringify(body) })
  for (const id of c.created) {
    for (let round = 0; round < 20; round++) {
      const path = `/v1/hwm/?namespace_id=${id}&page_size=50`
      const page = await send(c.base, { method: 'GET', path, headers: admin })
      // a list answering 500 (the lone surrogate's namespace): its HWMs are deleted unseen
      if (page.status !== 200) await del('/v1/hwm/', { namespace_id: id, hwm_ids: every })
      const ids = page.status === 200 ? JSON.parse(page.body).items.map((h) => h.id) : []
      if (!ids.length) break
      await del('/v1/hwm/', { namespace_id: id, hwm_ids: ids })
    }
    await send(c.base, { method: 'DELETE', path: `/v1/namespaces/${id}`, headers: admin })
  }
}

/**
 * Runs the comparison against `realUrl`; our server is started from the build and closed after.
 * @returns {Promise<{ sent: number, differences: Array<{ step: string, family: string, reasons: string[] }>, allowed: Array<{ step: string, reason: string, ours: number }>, failures: string[] }>}
 */
export async function compare(realUrl = process.env.HORIZON_URL ?? 'http://127.0.0.1:8765', { log = () => {} } = {}) {
  if (!existsSync(SERVER_DIST)) throw new Error(`${SERVER_DIST} is missing: build the server first (pnpm build)`)
  const { startHorizonServer } = await import(pathToFileURL(SERVER_DIST).href)
  const server = await startHorizonServer({ port: 0, superadmins: ['admin'] })
  const P = `cmp-${randomBytes(4).toString('hex')}`
  const ctx = (base) => ({ base, tok: {}, ns: {}, hwm: {}, created: new Set() })
  const real = ctx(realUrl.replace(/\/$/, ''))
  const ours = ctx(server.url)
  const labels = { real: new Labels(), ours: new Labels() }
  const result = { prefix: P, sent: 0, differences: [], allowed: [], failures: [] }
  try {
    for (const step of steps(P)) {
      const r = await run(step, real)
      const o = await run(step, ours)
      result.sent += 2
      r.base = real.base
      o.base = ours.base
      const reason = ALLOWED[step.name] ?? ALSO_500[step.name]
      if (reason && r.answer.status === 500) {
        const ok = o.answer.status !== 500 && o.answer.status >= 200 && o.answer.status < 500
        result.allowed.push({ step: step.name, reason, ours: o.answer.status })
        if (!ok)
          result.failures.push(`${step.name}: the real server's 500 (${reason}); ours answered ${o.answer.status}`)
        log(`~ ${step.name}: real 500 (${reason}), ours ${o.answer.status}${ok ? '' : ' ✗'}`)
        continue
      }
      register(step, r, labels.real)
      register(step, o, labels.ours)
      const reasons = differences(step, r, o, labels)
      if (reasons.length) {
        result.differences.push({ step: step.name, family: step.family, reasons })
        log(`✗ [${step.family}] ${step.method} ${step.name} (${r.path})\n    ${reasons.join('\n    ')}`)
      } else log(`✓ [${step.family}] ${step.name}`, true)
    }
  } finally {
    await server.close().catch((error) => result.failures.push(`closing our server failed: ${error}`))
    await cleanUp(real).catch((error) => log(`cleaning up the real server failed: ${error}`))
  }
  for (const d of result.differences) result.failures.push(`${d.step}: ${d.reasons[0]}`)
  return result
}

/** Counts by family. */
export function byFamily(items) {
  const out = {}
  for (const { family } of items) out[family] = (out[family] ?? 0) + 1
  return out
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const verbose = process.argv.includes('--verbose')
  const result = await compare(undefined, {
    log: (line, quiet) => {
      if (!quiet || verbose) console.log(line)
    },
  })
  console.log(
    `\n${result.prefix}: ${result.sent} requests (${result.sent / 2} steps to each server); ` +
      `${result.differences.length} steps differ ${JSON.stringify(byFamily(result.differences))}; ` +
      `${result.allowed.length} allowed real-server 500s`,
  )
  if (result.failures.length) {
    console.log(`${result.failures.length} failures:\n  ${result.failures.join('\n  ')}`)
    process.exit(1)
  }
}
