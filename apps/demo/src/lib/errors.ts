import {
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
  ServiceUnavailableError,
  TimeoutError,
  UnexpectedResponseError,
  type ValidationIssue,
} from '@horizon-ts/core'

/** An error as the UI shows it: a headline, a sentence, the fields at fault, the request id for support. */
export interface ErrorView {
  title: string
  detail?: string
  items?: string[]
  requestId?: string
  status?: number
  /** trying again may help (the server or the network failed, not the request) */
  retryable: boolean
}

const roleName = (role: string | undefined) => (role ? role.toLowerCase() : 'unknown')
const entityName = (type: string | undefined) => (type === 'HWM' ? 'HWM' : type ? type.toLowerCase() : 'item')

/** `['body', 'permissions', 0, 'role']` → `permissions[0].role`; the body/query/path prefix says nothing to people. */
export function fieldPath(location: ValidationIssue['location']): string {
  const parts = ['body', 'query', 'path', 'form'].includes(String(location[0])) ? location.slice(1) : location
  return parts.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || 'request'
}

// Horizon's 400 messages, explained with what to do about them.
const BAD_REQUEST_HELP: Record<string, string> = {
  'Cannot delete namespace because it has related HWM records.':
    'This namespace still has HWMs, and Horizon only deletes empty namespaces. Delete its HWMs first (HWMs tab → select all → Delete), or copy them elsewhere.',
  'Cannot drop ownership without assigning a new owner.':
    'A namespace always has an owner. Make someone else the owner first; then the previous owner can get another role.',
}

/** Turns whatever a hook failed with into words; never shows a raw JSON body. */
export function describeError(error: unknown): ErrorView {
  if (!(error instanceof HorizonError)) {
    return {
      title: 'Something went wrong',
      detail: error instanceof Error ? error.message : String(error),
      retryable: true,
    }
  }
  const base = { requestId: error.requestId, status: error.status }
  if (error instanceof PermissionDeniedError)
    return {
      ...base,
      title: 'Permission denied',
      detail: `This needs the ${roleName(error.requiredRole)} role in this namespace; your role is ${roleName(error.actualRole)}. Ask the namespace's owner for a higher role.`,
      retryable: false,
    }
  if (error instanceof EntityNotFoundError)
    return {
      ...base,
      title: `${entityName(error.entityType).replace(/^./, (c) => c.toUpperCase())} not found`,
      detail: `No ${entityName(error.entityType)} with ${error.field ?? 'id'} ${JSON.stringify(error.value)} exists. It may have been deleted${error.entityType === 'User' ? ', or that user has never logged in to Horizon (a role can only be given to a known user)' : ''}.`,
      retryable: false,
    }
  if (error instanceof EntityAlreadyExistsError)
    return {
      ...base,
      title: 'Already exists',
      detail: `${error.entityType === 'HWM' ? 'This namespace already has an HWM' : `A ${entityName(error.entityType)} already exists`} with ${error.field ?? 'name'} ${JSON.stringify(error.value)}. Names must be unique${error.entityType === 'HWM' ? ' within a namespace' : ''}.`,
      retryable: false,
    }
  if (error instanceof InvalidRequestError || error instanceof RequestValidationError)
    return {
      ...base,
      title: error instanceof RequestValidationError ? 'Please correct these fields' : 'Horizon refused some fields',
      items: error.details.map((d) => `${fieldPath(d.location)}: ${d.message}`),
      retryable: false,
    }
  if (error instanceof BadRequestError) {
    const message = error.message
    return { ...base, title: 'Horizon refused this', detail: BAD_REQUEST_HELP[message] ?? message, retryable: false }
  }
  if (error instanceof AuthorizationError)
    return { ...base, title: 'Not signed in', detail: authMessage(error.message), retryable: false }
  if (error instanceof ServiceUnavailableError)
    return {
      ...base,
      title: 'Horizon is unavailable',
      detail:
        'The server answered 503 (service unavailable), even after retrying. It is usually temporary: try again in a moment.',
      retryable: true,
    }
  if (error instanceof InternalServerError)
    return {
      ...base,
      title: 'Horizon failed',
      detail:
        'The server answered 500 (internal error). If it happens again, send the request ID below to the operators.',
      retryable: true,
    }
  if (error instanceof NetworkError)
    return {
      ...base,
      title: 'Cannot reach Horizon',
      detail: `No answer from ${error.request ? new URL(error.request.url).origin : 'the server'}. Check that it is running and that it allows this site's origin (CORS), or use the /horizon-api proxy of the dev server.`,
      retryable: true,
    }
  if (error instanceof TimeoutError)
    return { ...base, title: 'Horizon did not answer in time', detail: 'The request timed out.', retryable: true }
  if (error instanceof UnexpectedResponseError)
    return {
      ...base,
      title: 'Unexpected answer',
      detail: `The server answered${error.status ? ` ${error.status}` : ''} with something that is not Horizon's API. Is the server URL right? A proxy in between may have failed.`,
      retryable: true,
    }
  if (error instanceof AbortError) return { ...base, title: 'Cancelled', retryable: true }
  return { ...base, title: 'Request failed', detail: error.message, retryable: true }
}

function authMessage(message: string): string {
  if (/expired/i.test(message)) return 'Your session has expired. Log in again.'
  if (/missing auth credentials/i.test(message)) return 'Enter both a username and a password.'
  if (/invalid token/i.test(message)) return 'Horizon rejected this token (wrong server, or signed with another key).'
  if (/expiration/i.test(message)) return 'This does not look like a Horizon token: expected a JWT with an expiry time.'
  return `Horizon refused the credentials (${message}).`
}
