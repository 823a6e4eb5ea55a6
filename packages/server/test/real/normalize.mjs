/**
 * What differs between two faithful servers and is mapped away before comparing: ids (each server
 * hands out its own; mapped per kind to `<kind#n>`, n in order of first appearance, so "the same id
 * as before" still compares), timestamps (`<ts#n>` likewise), tokens and their expiry, the origin in
 * a Location. Everything else of the body is compared byte for byte.
 */

/** The kind of a bare `"id"` in an answer, from the request's path. */
function kindOfPath(path) {
  if (path.startsWith('/v1/namespace-history')) return 'nh'
  if (path.startsWith('/v1/hwm-history')) return 'hh'
  if (path.startsWith('/v1/namespaces')) return 'ns'
  if (path.startsWith('/v1/hwm')) return 'hwm'
  if (path.startsWith('/v1/users')) return 'user'
  return 'id'
}

/** Kinds whose ids are labelled per answer only (rows either side may write more of, so a global order would drift). */
const PER_ANSWER = new Set(['hh', 'nh'])

/**
 * One server's labels. An entity a step created is labelled by that step's name (so one side's extra
 * entity does not shift every later label); other ids by order of first appearance, per kind, across
 * the run, or within one answer for history rows; timestamps within one answer.
 */
export class Labels {
  #ids = new Map()
  #answer = new Map()
  #ts = new Map()

  /** Names the entity `step` created. */
  register(kind, actual, name) {
    this.#map(this.#ids, kind).set(String(actual), `<${kind}:${name}>`)
  }

  /** Starts a new answer: per-answer labels begin again. */
  answer() {
    this.#answer = new Map()
    this.#ts = new Map()
  }

  #map(maps, kind) {
    if (!maps.has(kind)) maps.set(kind, new Map())
    return maps.get(kind)
  }

  id(kind, actual) {
    const map = this.#map(PER_ANSWER.has(kind) ? this.#answer : this.#ids, kind)
    if (!map.has(actual)) map.set(actual, `<${kind}#${map.size + 1}>`)
    return map.get(actual)
  }

  ts(actual) {
    if (!this.#ts.has(actual)) this.#ts.set(actual, `<ts#${this.#ts.size + 1}>`)
    return this.#ts.get(actual)
  }
}

/** Ids the steps send as they are to both servers (unknown, zero, negative, huge): never mapped. */
const isLiteral = (n) => {
  const x = Number(n)
  return x <= 0 || x >= 999_999_000
}

const ENTITY_KIND = { Namespace: 'ns', HWM: 'hwm', User: 'user' }
const INT = '-?\\d+'

/**
 * `text` with ids, timestamps and tokens replaced by `labels`' placeholders. Ids the
 * request sent as they are to both servers (see `isLiteral`) stay as they are.
 */
export function normalizeBody(text, path, labels) {
  labels.answer()
  const id = (kind, n) => (isLiteral(n) ? n : labels.id(kind, n))
  const bareKind = kindOfPath(path)
  return (
    text
      .replace(/"access_token":"[^"]*"/g, '"access_token":"<token>"')
      .replace(/"expires_at":[-+\d.eE]+/g, '"expires_at":<exp>')
      .replace(/"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?)"/g, (_, ts) => `"${labels.ts(ts)}"`)
      // 404 details: {"entity_type": "HWM", "field": "id", "value": 12}
      .replace(
        new RegExp(`"entity_type":"(\\w+)","field":"id","value":(${INT})`, 'g'),
        (_, entity, n) => `"entity_type":"${entity}","field":"id","value":${id(ENTITY_KIND[entity] ?? entity, n)}`,
      )
      .replace(
        new RegExp(`(Namespace|HWM|User) with id=(${INT})`, 'g'),
        (_, entity, n) => `${entity} with id=${id(ENTITY_KIND[entity], n)}`,
      )
      .replace(
        new RegExp(`namespace (${INT}) to namespace (${INT})`, 'g'),
        (_, a, b) => `namespace ${id('ns', a)} to namespace ${id('ns', b)}`,
      )
      .replace(
        new RegExp(`"((?:source_|target_)?namespace_id)":(${INT})(?![.\\deE])`, 'g'),
        (_, key, n) => `"${key}":${id('ns', n)}`,
      )
      .replace(new RegExp(`"hwm_id":(${INT})(?![.\\deE])`, 'g'), (_, n) => `"hwm_id":${id('hwm', n)}`)
      .replace(
        /"hwm_ids":\[([-\d,]*)\]/g,
        (_, list) =>
          `"hwm_ids":[${list
            .split(',')
            .filter(Boolean)
            .map((n) => id('hwm', n))
            .join(',')}]`,
      )
      // Copied HWMs sit in {"hwms": [...]}; every other bare id is of the path's kind.
      .replace(new RegExp(`"id":(${INT})(?![.\\deE])`, 'g'), (_, n) => `"id":${id(bareKind, n)}`)
  )
}

/** The headers compared, as each server sent them (Location's origin mapped). */
export const COMPARED_HEADERS = ['content-type', 'content-length', 'allow', 'location', 'www-authenticate']

export function normalizeHeaders(headers, base) {
  const out = {}
  for (const name of COMPARED_HEADERS) {
    const value = headers[name]
    if (value === undefined) continue
    out[name] = name === 'location' ? value.replace(new URL(base).origin, '<origin>') : value
  }
  return out
}
