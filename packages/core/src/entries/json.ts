/**
 * `@horizon-ts/core/json`: JSON that keeps every integer digit, as the client reads and writes
 * Horizon's values. Integers beyond `Number.MAX_SAFE_INTEGER` are `bigint`; other numbers stay
 * `number`. Use it wherever a value leaves or enters text: an editor, a file, SSR state, a log.
 * @example
 * ```ts
 * import { parseJson, stringifyJson } from '@horizon-ts/core/json'
 * const value = parseJson('{"offset": 1733080000123456789}') // { offset: 1733080000123456789n }
 * stringifyJson(value, 2) // '{\n  "offset": 1733080000123456789\n}'
 * ```
 */

export { parseJson, stringifyJson } from '../json/exact.js'
export type { JsonValue } from '../json/types.js'
