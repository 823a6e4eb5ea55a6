import type { HWMCreateRequestV1, HWMResponseV1, HWMUpdateRequestV1 } from '@horizon-ts/core'
import { typeMismatch } from './hwm-type-check'
import { formatJson, parseJson, sameJson } from './json'

/** The HWM form's fields as typed (the value as JSON text). */
export interface HwmDraft {
  name: string
  type: string
  value: string
  description: string
  entity: string
  expression: string
}

/** Types written by onETL, offered as suggestions; Horizon accepts any string. */
export const HWM_TYPES = ['column_int', 'column_date', 'column_datetime', 'file_list', 'key_value_int']

export const emptyDraft: HwmDraft = {
  name: '',
  type: 'column_int',
  value: '0',
  description: '',
  entity: '',
  expression: '',
}

export function draftOf(hwm: HWMResponseV1): HwmDraft {
  return {
    name: hwm.name,
    type: hwm.type,
    value: formatJson(hwm.value),
    description: hwm.description,
    entity: hwm.entity ?? '',
    expression: hwm.expression ?? '',
  }
}

/**
 * Why the draft cannot be saved, in a sentence shown by the Save button, or null: the value is not
 * JSON (with where), or not what its type holds.
 */
export function draftProblem(d: HwmDraft): string | null {
  const value = parseJson(d.value)
  if (!value.ok) return value.message
  return typeMismatch(d.type, value.value)
}

type Built<T> = { ok: true; data: T } | { ok: false }

/** The create request, or nothing while the value is not JSON (the editor already says why). */
export function createRequest(namespaceId: number, d: HwmDraft): Built<HWMCreateRequestV1> {
  const value = parseJson(d.value)
  if (!value.ok || typeMismatch(d.type, value.value)) return { ok: false }
  const data: HWMCreateRequestV1 = { namespace_id: namespaceId, name: d.name, type: d.type, value: value.value }
  if (d.description) data.description = d.description
  if (d.entity) data.entity = d.entity
  if (d.expression) data.expression = d.expression
  return { ok: true, data }
}

/**
 * Only the fields that changed, so the history row shows what this save did. An emptied entity or
 * expression is sent as null (cleared), as Horizon stores them.
 */
export function updateRequest(hwm: HWMResponseV1, d: HwmDraft): Built<HWMUpdateRequestV1> {
  const value = parseJson(d.value)
  if (!value.ok || typeMismatch(d.type, value.value)) return { ok: false }
  const data: HWMUpdateRequestV1 = {}
  if (d.name !== hwm.name) data.name = d.name
  if (d.type !== hwm.type) data.type = d.type
  if (!sameJson(value.value, hwm.value)) data.value = value.value
  if (d.description !== hwm.description) data.description = d.description
  if (d.entity !== (hwm.entity ?? '')) data.entity = d.entity || null
  if (d.expression !== (hwm.expression ?? '')) data.expression = d.expression || null
  return { ok: true, data }
}
