/**
 * What a value must be for the HWM types onETL writes (etl-entities' `@register_hwm_type` classes:
 * ColumnIntHWM, ColumnDateHWM, ColumnDateTimeHWM, KeyValueIntHWM, FileListHWM serialise them this way);
 * Horizon itself accepts any JSON under any type, so a wrong shape is only found when the ETL job
 * next reads it. Other types say nothing about their value: no check.
 */
import type { JsonValue } from '@horizon-ts/core'

const isInteger = (v: JsonValue): boolean => typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))

/** What a value is, in the words of the mismatch message ("a string", "a number with a fraction"). */
export function kindOf(v: JsonValue): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'an object'
  if (typeof v === 'string') return 'a string'
  if (typeof v === 'boolean') return 'a boolean'
  return isInteger(v) ? 'an integer' : 'a number with a fraction'
}

/** `YYYY-MM-DD` naming a real day (no 2024-02-30). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** A date, `T` (or a space, as Python's `str(datetime)` writes), a time, an optional fraction and offset. */
export function isIsoDateTime(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(s)
  return !!m && isIsoDate(m[1] ?? '') && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4] ?? 0) < 60
}

type Check = (v: JsonValue) => string | null

// A column HWM's value is optional in etl-entities (`value: StrictInt | None = None`): null is an HWM not yet set.
const CHECKS: Record<string, Check> = {
  column_int: (v) => (v === null || isInteger(v) ? null : `column_int holds an integer; this is ${kindOf(v)}`),
  column_date: (v) =>
    v === null || (typeof v === 'string' && isIsoDate(v))
      ? null
      : `column_date holds an ISO date string such as "2024-01-31"; this is ${typeof v === 'string' ? 'a string that is not one' : kindOf(v)}`,
  column_datetime: (v) =>
    v === null || (typeof v === 'string' && isIsoDateTime(v))
      ? null
      : `column_datetime holds an ISO datetime string such as "2024-01-31T12:00:00"; this is ${typeof v === 'string' ? 'a string that is not one' : kindOf(v)}`,
  key_value_int: (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      return `key_value_int holds an object whose values are integers; this is ${kindOf(v)}`
    const bad = Object.entries(v).find(([, x]) => !isInteger(x))
    return bad ? `key_value_int holds integers as values; "${bad[0]}" is ${kindOf(bad[1])}` : null
  },
  file_list: (v) => {
    if (!Array.isArray(v)) return `file_list holds a list of strings (paths); this is ${kindOf(v)}`
    const i = v.findIndex((x) => typeof x !== 'string')
    return i < 0 ? null : `file_list holds a list of strings (paths); item ${i + 1} is ${kindOf(v[i] ?? null)}`
  },
}

/**
 * Why `value` does not fit HWM type `type`, or null when it fits or the type is not one whose value is known.
 * @example `typeMismatch('column_int', '12')` → `'column_int holds an integer; this is a string'`
 */
export function typeMismatch(type: string, value: JsonValue): string | null {
  const check = Object.hasOwn(CHECKS, type) ? CHECKS[type] : undefined
  return check ? check(value) : null
}
