/**
 * Horizon's errors and their answers. Application errors use the `{"error": {code, message, details}}`
 * envelope; routing errors keep FastAPI's own `{"detail": ...}` shape, as the real server answers.
 */
import type { ValidationIssue } from '@horizon-ts/core'
import { boundEchoes } from './json-values.js'
import { type PyJsonStyle, writePyJson } from './py-json.js'
import { utf8Length } from './utf8-length.js'

/** An error answered with the Horizon envelope `{"error": {code, message, details}}` (not the client's `HorizonError`). */
export class EnvelopeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

/**
 * An error answered with FastAPI's bare `{"detail": ...}` body: unknown route, wrong method, and a
 * body FastAPI cannot decode (not UTF-8, nested too deep, an integer of more than 4300 digits).
 */
export class DetailError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

/**
 * The client went away before its request was read (a disconnect mid-body): not an error of the
 * server. Nothing is logged and nothing answered; the request log records status 0.
 */
export class ClientGone extends Error {
  constructor(cause?: unknown) {
    super('client disconnected', { cause })
  }
}

/** Python's `repr()` of a str or an int, as Horizon formats values into its messages. */
export function pyRepr(value: unknown): string {
  if (typeof value !== 'string') return String(value)
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'"
  let out = quote
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === quote || ch === '\\') out += `\\${ch}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (ch !== ' ' && /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u.test(ch)) {
      const [prefix, width] = code < 0x100 ? ['\\x', 2] : code < 0x10000 ? ['\\u', 4] : ['\\U', 8]
      out += prefix + code.toString(16).padStart(width, '0')
    } else out += ch
  }
  return out + quote
}

export const notFound = (entityType: string, field: string, value: unknown) =>
  new EnvelopeError(404, 'not_found', `${entityType} with ${field}=${pyRepr(value)} not found`, {
    entity_type: entityType,
    field,
    value,
  })

export const alreadyExists = (entityType: string, field: string, value: unknown) =>
  new EnvelopeError(409, 'already_exists', `${entityType} with ${field}=${pyRepr(value)} already exists`, {
    entity_type: entityType,
    field,
    value,
  })

export const permissionDenied = (requiredRole: string, actualRole: string) =>
  new EnvelopeError(
    403,
    'permission_denied',
    `Permission denied. User has role ${actualRole} but action requires at least ${requiredRole}.`,
    { required_role: requiredRole, actual_role: actualRole },
  )

/**
 * 400. Horizon's `BadRequestError` carries `{}` details; a FastAPI `HTTPException(400)` (as raised when
 * deleting a namespace that still has HWMs) carries `null`.
 */
export const badRequest = (message: string, details: Record<string, never> | null = {}) =>
  new EnvelopeError(400, 'bad_request', message, details)

export const unauthorized = (message: string, headers?: Record<string, string>) =>
  new EnvelopeError(401, 'unauthorized', message, null, headers)

/** 422 with pydantic's items; the inputs they echo are bounded (see `boundEchoes`). */
export const invalidRequest = (issues: ValidationIssue[]) =>
  new EnvelopeError(422, 'invalid_request', 'Invalid request', boundEchoes(issues))

/**
 * 413 for a body over `bodyLimit` (the real Horizon has no limit of its own). `Connection: close`, so
 * the client stops sending what will not be read.
 */
export const payloadTooLarge = (limit: number) =>
  new EnvelopeError(
    413,
    'payload_too_large',
    `Request body is larger than the limit of ${limit} bytes`,
    {
      max_bytes: limit,
    },
    { connection: 'close' },
  )

export const unknownError = () =>
  new EnvelopeError(500, 'unknown', 'Got unhandled exception. Please contact support', null)

/**
 * A JSON answer with FastAPI's content type (no charset) and its length (which a HEAD answer keeps
 * without the body, as uvicorn's does). `style` is the writer: Python's `json.dumps` for answers,
 * pydantic's for Horizon's error envelope (`model.json()`), whose floats read `1e-7`, not `1e-07`.
 */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
  style: PyJsonStyle = 'python',
): Response {
  const text = writePyJson(body, style)
  return new Response(text, {
    status,
    headers: { 'content-type': 'application/json', 'content-length': String(utf8Length(text)), ...headers },
  })
}

/** The answer of any thrown value: envelopes for Horizon errors, FastAPI's bare shape for a `DetailError`, 500 otherwise. */
export function errorResponse(error: unknown, extra: Readonly<Record<string, string>> = {}): Response {
  if (error instanceof EnvelopeError) {
    const body = { error: { code: error.code, message: error.message, details: error.details } }
    return jsonResponse(body, error.status, { ...extra, ...error.headers }, 'pydantic')
  }
  if (error instanceof DetailError)
    return jsonResponse({ detail: error.message }, error.status, { ...extra, ...error.headers })
  return errorResponse(unknownError(), extra)
}
