/**
 * The error bodies of the real Horizon, spelled out. Messages are Python's: `{entity} with
 * {field}={value!r} not found`, so string values are single-quoted and numbers bare.
 */
const repr = (v: string | number) => (typeof v === 'string' ? `'${v}'` : String(v))

export const unauthorized = (message: 'Not authenticated' | 'Invalid token' | 'Missing auth credentials') => ({
  error: { code: 'unauthorized', message, details: null },
})

export const notFound = (entity_type: string, field: string, value: string | number) => ({
  error: {
    code: 'not_found',
    message: `${entity_type} with ${field}=${repr(value)} not found`,
    details: { entity_type, field, value },
  },
})

export const exists = (entity_type: string, field: string, value: string | number) => ({
  error: {
    code: 'already_exists',
    message: `${entity_type} with ${field}=${repr(value)} already exists`,
    details: { entity_type, field, value },
  },
})

export const denied = (required_role: string, actual_role: string) => ({
  error: {
    code: 'permission_denied',
    message: `Permission denied. User has role ${actual_role} but action requires at least ${required_role}.`,
    details: { required_role, actual_role },
  },
})

export interface Issue {
  location: Array<string | number>
  message: string
  code: string
  context: Record<string, unknown>
  input: unknown
}

export const issue = (
  location: Array<string | number>,
  code: string,
  message: string,
  input: unknown,
  context: Record<string, unknown> = {},
): Issue => ({ location, message, code, context, input })

export const invalid = (...details: Issue[]) => ({
  error: { code: 'invalid_request', message: 'Invalid request', details },
})

export const missing = (location: Array<string | number>, input: unknown = null) =>
  issue(location, 'missing', 'Field required', input)

export const valueError = (location: Array<string | number>, message: string, input: unknown) =>
  issue(location, 'value_error', `Value error, ${message}`, input)

/** `meta` of a page that holds everything (`total` ≤ page size). */
export const onePage = (total: number, page_size = 20) => ({
  page: 1,
  page_size,
  total_count: total,
  pages_count: 1,
  has_next: false,
  has_previous: false,
  next_page: null,
  previous_page: null,
})
