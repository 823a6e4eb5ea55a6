/**
 * `@horizon-ts/core`: the isomorphic Horizon client.
 * @example
 * ```ts
 * import { HorizonClient, LoginPassword } from '@horizon-ts/core'
 * const client = new HorizonClient({ baseUrl: 'http://127.0.0.1:8000', auth: new LoginPassword({ login: 'me', password: '1' }) })
 * const page = await client.paginateNamespaces({ page_size: 10 })
 * ```
 */

export { AccessToken, LoginPassword } from './horizon/auth.js'
export type { Change, Known, Preview, Subject } from './horizon/changes.js'
export type {
  CreateOptions,
  DeleteOptions,
  DryRunMethods,
  HorizonClientOptions,
  HorizonHooks,
  HorizonMethods,
  ResponseChecker,
} from './horizon/client.js'
export { HorizonClient } from './horizon/client.js'
export type { ValidationIssue } from './horizon/constraints.js'
export type { ErrorInfo } from './horizon/errors.js'
export {
  AbortError,
  AuthorizationError,
  BadRequestError,
  EntityAlreadyExistsError,
  EntityNotFoundError,
  HorizonError,
  InternalServerError,
  InvalidRequestError,
  NetworkError,
  PermissionDeniedError,
  RequestValidationError,
  ResponseValidationError,
  ServiceUnavailableError,
  TimeoutError,
  UnexpectedResponseError,
} from './horizon/errors.js'
export { HORIZON_VERSION } from './horizon/generated/version.js'
export type {
  Operation,
  OperationArgs,
  OperationName,
  OperationResult,
  Operations,
  ReadInfo,
  ReadName,
  RequestParts,
  WriteInfo,
  WriteName,
} from './horizon/operations.js'
export { operations } from './horizon/operations.js'
export type { IterateOptions } from './horizon/pagination.js'
export type * from './horizon/types.js'
export { exactJson } from './json/lazy.js'
export type { JsonCodec, JsonValue } from './json/types.js'
export { BearerToken } from './transport/auth.js'
export type { DryRunRequest, TransportOptions, TransportResponse } from './transport/transport.js'
export { Transport } from './transport/transport.js'
export type {
  AuthContext,
  AuthStrategy,
  CallOptions,
  Failure,
  Hooks,
  RequestInfo,
  RequestSpec,
  RetryOptions,
  TimeoutOptions,
} from './transport/types.js'
