/**
 * `@horizon-ts/core/constraints`: Horizon's request constraint table (generated from the OpenAPI
 * document, plus what Horizon checks beyond it) and its validator, shared with `@horizon-ts/server`
 * so that client and server refuse the same input alike; `limits()` reads a field's limits.
 * @example
 * ```ts
 * import { limits, validate } from '@horizon-ts/core/constraints'
 * validate('NamespaceCreateRequestV1', { name: '' }, 'body').issues[0]?.code // 'string_too_short'
 * limits('NamespaceCreateRequestV1', 'name').maxLength // 256
 * ```
 */

export type {
  ChecksOf,
  FieldLimits,
  Location,
  ModelName,
  RequestChecks,
  ValidateOptions,
  ValidationIssue,
} from '../horizon/constraints.js'
export { checksOf, limits, models, ROLES, validate } from '../horizon/constraints.js'
export type { FieldRule } from '../horizon/generated/request-models.js'
export { jsonIssues, MAX_JSON_DEPTH, MAX_JSON_ISSUES } from '../json/data.js'
