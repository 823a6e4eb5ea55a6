/**
 * `@horizon-ts/core/constraints`: Horizon's request constraint table and its validator,
 * shared with `@horizon-ts/server` so that client and server refuse the same input alike.
 * @example
 * ```ts
 * import { validate } from '@horizon-ts/core/constraints'
 * validate('NamespaceCreateRequestV1', { name: '' }, 'body').issues[0]?.code // 'string_too_short'
 * ```
 */

export type { Location, ModelName, ValidationIssue } from '../horizon/constraints.js'
export { models, ROLES, validate } from '../horizon/constraints.js'
export { jsonIssues, MAX_JSON_DEPTH, MAX_JSON_ISSUES } from '../json/data.js'
