import type { ValidationIssue } from './constraints.js'

/** What every error tells: the request, the status, the server's request id, the parsed body. */
export interface ErrorInfo {
  request?: { method: string; url: string }
  status?: number
  /** `X-Request-ID` of the answer: quote it to the operators */
  requestId?: string
  body?: unknown
  /** seconds the server asked to wait (`Retry-After`), when it did */
  retryAfter?: number
  cause?: unknown
}

// Fields are `declare`d: each is set where it is known, and the bundle carries no field list.
/**
 * Root of every error the client raises.
 * @example
 * ```ts
 * try { await client.getHwm(5) } catch (e) {
 *   if (e instanceof EntityNotFoundError) console.log(e.message) // "HWM with id=5 not found"
 *   else if (e instanceof HorizonError) console.log(e.status, e.requestId)
 * }
 * ```
 */
export class HorizonError extends Error {
  /** method and URL of the failed request (none when refused before sending) */
  declare request?: { method: string; url: string }
  /** HTTP status of the answer, when one came */
  declare status?: number
  /** `X-Request-ID` of the answer: quote it to the operators */
  declare requestId?: string
  /** the parsed body of the answer (redacted for token answers) */
  declare body?: unknown
  /** seconds the server asked to wait before a retry (`Retry-After`), when it said */
  declare retryAfter?: number

  constructor(message: string, info: ErrorInfo = {}) {
    super(message, info.cause === undefined ? undefined : { cause: info.cause })
    this.request = info.request
    this.status = info.status
    this.requestId = info.requestId
    this.body = info.body
    if (info.retryAfter !== undefined) this.retryAfter = info.retryAfter
  }
}

/**
 * 400 `bad_request`: the server refused the operation (e.g. deleting a namespace that has HWMs).
 * @example `await client.deleteNamespace(1).catch((e) => { if (e instanceof BadRequestError) console.log(e.message) })`
 */
export class BadRequestError extends HorizonError {}
/**
 * 401: no, a bad or an expired token, or a failed login.
 * @example `await client.whoami().catch((e) => { if (e instanceof AuthorizationError) client.setAuth(undefined) })`
 */
export class AuthorizationError extends HorizonError {}
/**
 * 503 `service_unavailable`.
 * @example `await client.ping().catch((e) => { if (e instanceof ServiceUnavailableError) console.log(e.retryAfter) })`
 */
export class ServiceUnavailableError extends HorizonError {}
/**
 * 500 `unknown`: the server failed.
 * @example `await client.ping().catch((e) => { if (e instanceof InternalServerError) console.log(e.requestId) })`
 */
export class InternalServerError extends HorizonError {}
/**
 * The connection failed (refused, reset, DNS, CORS in a browser).
 * @example `await client.ping().catch((e) => { if (e instanceof NetworkError) console.log('offline', e.cause) })`
 */
export class NetworkError extends HorizonError {}
/**
 * `connectionTimeout` or `requestTimeout` ran out.
 * @example `await client.with({ timeout: { requestTimeout: 1 } }).ping().catch((e) => e instanceof TimeoutError)`
 */
export class TimeoutError extends HorizonError {}
/**
 * The caller's signal aborted the call.
 * @example `await client.getHwm(5, { signal: AbortSignal.timeout(100) }).catch((e) => e instanceof AbortError)`
 */
export class AbortError extends HorizonError {}
/**
 * An answer that is not Horizon's: a routing 404/405, a proxy's HTML page, truncated JSON.
 * @example `await client.ping().catch((e) => { if (e instanceof UnexpectedResponseError) console.log(e.status, e.excerpt) })`
 */
export class UnexpectedResponseError extends HorizonError {
  /** the start of the body as received */
  declare excerpt?: string
}

/**
 * 403 `permission_denied`: the user's role in the namespace is too low.
 * @example `await client.deleteHwm(5).catch((e) => { if (e instanceof PermissionDeniedError) console.log(e.requiredRole, e.actualRole) })`
 */
export class PermissionDeniedError extends HorizonError {
  /** the role the operation needs, e.g. `'MAINTAINER'` */
  declare requiredRole?: string
  /** the user's role in the namespace, when it has one */
  declare actualRole?: string
}

/** Fields of 404 and 409 details: which entity, by which field, with which value. */
class EntityError extends HorizonError {
  /** the kind of entity, e.g. `'HWM'` or `'Namespace'` */
  declare entityType?: string
  /** the field it was looked up or collided by, e.g. `'id'` or `'name'` */
  declare field?: string
  /** the value of that field */
  declare value?: unknown
}
/**
 * 404 `not_found`, e.g. "HWM with id=5 not found".
 * @example `await client.getHwm(5).catch((e) => { if (e instanceof EntityNotFoundError) console.log(e.entityType, e.field, e.value) })`
 */
export class EntityNotFoundError extends EntityError {}
/**
 * 409 `already_exists`, e.g. "Namespace with name='x' already exists".
 * @example `await client.createNamespace({ name: 'etl' }).catch((e) => e instanceof EntityAlreadyExistsError)`
 */
export class EntityAlreadyExistsError extends EntityError {}

/** A list of 422-style details: which field, what rule, what input. */
class DetailsError extends HorizonError {
  /** one issue per refused field: where, which rule, what input */
  details: ValidationIssue[] = []
}
/**
 * 422 `invalid_request` from the server.
 * @example `await client.updateHwm(5, { value: 1 }).catch((e) => { if (e instanceof InvalidRequestError) console.log(e.details) })`
 */
export class InvalidRequestError extends DetailsError {}
/**
 * Refused by the client before sending: same `details` shape as the server's 422.
 * @example `await client.getHwm(-1).catch((e) => { if (e instanceof RequestValidationError) console.log(e.details[0]?.code) })`
 */
export class RequestValidationError extends DetailsError {}
/**
 * `validateResponses: true` found an answer that does not match the schema.
 * @example `await client.with({ validateResponses: true }).getHwm(5).catch((e) => e instanceof ResponseValidationError)`
 */
export class ResponseValidationError extends DetailsError {}

// Names are set on the prototypes: minifiers rename classes, so `constructor.name` is not reliable
// (object keys survive minification).
for (const [name, C] of Object.entries({
  HorizonError,
  BadRequestError,
  AuthorizationError,
  ServiceUnavailableError,
  InternalServerError,
  NetworkError,
  TimeoutError,
  AbortError,
  UnexpectedResponseError,
  PermissionDeniedError,
  EntityNotFoundError,
  EntityAlreadyExistsError,
  InvalidRequestError,
  RequestValidationError,
  ResponseValidationError,
}))
  C.prototype.name = name

/** Builds an error of `Class` and copies extra fields onto it. */
export function makeError<T extends HorizonError>(
  Class: new (message: string, info: ErrorInfo) => T,
  message: string,
  info: ErrorInfo,
  extra: Partial<T> = {},
): T {
  return Object.assign(new Class(message, info), extra)
}

export const describeDetails = (details: ValidationIssue[]) =>
  details.map((d) => `${d.location.join('.')}: ${d.message}`).join('; ')

/** The error raised when the client refuses input before sending. */
export function requestValidationError(details: ValidationIssue[], what: string): RequestValidationError {
  return makeError(RequestValidationError, `Invalid ${what}: ${describeDetails(details)}`, {}, { details })
}
