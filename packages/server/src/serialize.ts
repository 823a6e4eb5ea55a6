/** Rows to the response shapes of the OpenAPI contract, keys in the real server's order. */
import type {
  HWMHistoryResponseV1,
  HWMResponseV1,
  NamespaceHistoryResponseV1,
  NamespaceResponseV1,
} from '@horizon-ts/core'
import type { JsonValue } from '@horizon-ts/core/json'
import { isoMicros } from './clock.js'
import { type PyJsonValue, RawJson, writePyJson } from './py-json.js'
import type { HwmHistoryRow, HwmRow, NamespaceHistoryRow, NamespaceRow, Tables } from './store.js'

/**
 * A stored value in an answer's type. The response types say JSON; a `PyFloat` in it is written as
 * the float it was by the server's writer (and reads as its number through `toJSON`).
 */
const answered = (value: PyJsonValue) => value as JsonValue

const username = (t: Tables, id: number | null): string | null =>
  id === null ? null : (t.users.get(id)?.username ?? null)

export const toNamespace = (t: Tables, ns: NamespaceRow): NamespaceResponseV1 => ({
  id: ns.id,
  name: ns.name,
  description: ns.description,
  owned_by: username(t, ns.ownerId) ?? '',
  changed_at: isoMicros(ns.changedAt),
  changed_by: username(t, ns.changedById),
})

export const toNamespaceHistory = (t: Tables, row: NamespaceHistoryRow): NamespaceHistoryResponseV1 => ({
  id: row.id,
  namespace_id: row.namespaceId,
  name: row.name,
  description: row.description,
  owned_by: username(t, row.ownerId),
  action: row.action,
  changed_at: isoMicros(row.changedAt),
  changed_by: username(t, row.changedById),
})

/**
 * The HWM as its answer. The JSON text is written once per row version (rows are immutable, a
 * username never changes) and reused: a page of 50 is then 50 lookups, where writing the objects
 * again was most of a scan's cost on the server. A {@link RawJson} in the contract's type: only the
 * server's writer reads it.
 */
export const toHwm = (t: Tables, hwm: HwmRow): HWMResponseV1 => {
  let text = hwmTexts.get(hwm)
  if (!text) {
    text = new RawJson(writePyJson(hwmFields(t, hwm)))
    hwmTexts.set(hwm, text)
  }
  return text as unknown as HWMResponseV1
}

const hwmTexts = new WeakMap<HwmRow, RawJson>()

/** The HWM's answer as an object, keys in the real server's order. */
const hwmFields = (t: Tables, hwm: HwmRow): HWMResponseV1 => ({
  id: hwm.id,
  namespace_id: hwm.namespaceId,
  name: hwm.name,
  description: hwm.description,
  type: hwm.type,
  value: answered(hwm.value),
  entity: hwm.entity,
  expression: hwm.expression,
  changed_at: isoMicros(hwm.changedAt),
  changed_by: username(t, hwm.changedById),
})

export const toHwmHistory = (t: Tables, row: HwmHistoryRow): HWMHistoryResponseV1 => ({
  id: row.id,
  hwm_id: row.hwmId,
  namespace_id: row.namespaceId,
  name: row.name,
  description: row.description,
  type: row.type,
  value: answered(row.value),
  entity: row.entity,
  expression: row.expression,
  action: row.action,
  changed_at: isoMicros(row.changedAt),
  changed_by: username(t, row.changedById),
})
