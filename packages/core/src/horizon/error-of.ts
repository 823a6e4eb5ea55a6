import type { Failure } from '../transport/types.js'
import type { ValidationIssue } from './constraints.js'
import {
  AbortError,
  AuthorizationError,
  BadRequestError,
  describeDetails,
  EntityAlreadyExistsError,
  EntityNotFoundError,
  type ErrorInfo,
  type HorizonError,
  InternalServerError,
  InvalidRequestError,
  makeError,
  NetworkError,
  PermissionDeniedError,
  ServiceUnavailableError,
  TimeoutError,
  UnexpectedResponseError,
} from './errors.js'

type Ctor = new (message: string, info: ErrorInfo) => HorizonError
const BY_CODE: Record<string, Ctor> = {
  bad_request: BadRequestError,
  unauthorized: AuthorizationError,
  permission_denied: PermissionDeniedError,
  not_found: EntityNotFoundError,
  already_exists: EntityAlreadyExistsError,
  invalid_request: InvalidRequestError,
  service_unavailable: ServiceUnavailableError,
  unknown: InternalServerError,
}

/** Turns a transport failure into the Horizon error class its status and envelope call for. */
export function toHorizonError(f: Failure): HorizonError {
  const info: ErrorInfo = {
    request: f.request,
    status: f.status,
    requestId: f.requestId,
    body: f.body,
    retryAfter: f.retryAfter,
    cause: f.cause,
  }
  const where = `${f.request.method} ${f.request.url}`
  if (f.kind === 'network') return makeError(NetworkError, `Network error on ${where}`, info)
  if (f.kind === 'timeout') return makeError(TimeoutError, `Timed out on ${where}`, info)
  if (f.kind === 'abort') return makeError(AbortError, `Aborted: ${where}`, info)
  const error = (f.body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error
  const Class = typeof error?.code === 'string' ? BY_CODE[error.code] : undefined
  if (!error || !Class) {
    const excerpt = f.excerpt ?? (f.body === undefined ? '' : JSON.stringify(f.body).slice(0, 200))
    return makeError(UnexpectedResponseError, `Unexpected response ${f.status ?? ''} from ${where}: ${excerpt}`, info, {
      excerpt,
    })
  }
  const d = (error.details ?? {}) as Record<string, unknown>
  const message = String(error.message)
  if (Class === PermissionDeniedError)
    return makeError(PermissionDeniedError, message, info, {
      requiredRole: d.required_role as string,
      actualRole: d.actual_role as string,
    })
  if (Class === EntityNotFoundError || Class === EntityAlreadyExistsError)
    return makeError(Class as typeof EntityNotFoundError, message, info, {
      entityType: d.entity_type as string,
      field: d.field as string,
      value: d.value,
    })
  if (Class === InvalidRequestError) {
    const details = Array.isArray(error.details) ? (error.details as ValidationIssue[]) : []
    return makeError(InvalidRequestError, `${message}: ${describeDetails(details)}`, info, { details })
  }
  return makeError(Class, message, info)
}
