/** Exit codes, from the core's error classes and the CLI's own (the table is in the README). */
import {
  AbortError,
  AuthorizationError,
  BadRequestError,
  EntityAlreadyExistsError,
  EntityNotFoundError,
  InvalidRequestError,
  NetworkError,
  PermissionDeniedError,
  RequestValidationError,
  TimeoutError,
} from '@horizon-ts/core'
import { InputError, NotFoundError, UsageError } from './errors.js'

/**
 * What each exit code means.
 * @example `if (code === EXIT.notFound) console.log('no such HWM')`
 */
export const EXIT = {
  ok: 0,
  /** unexpected failure, or a server error (5xx, an answer that is not Horizon's) */
  error: 1,
  usage: 2,
  notFound: 3,
  /** 403, or a login / token refused (401) */
  denied: 4,
  /** refused as invalid: the client's checks, a 422, a 400, a 409 clash, a bad export file */
  invalid: 5,
  /** no answer: connection refused, DNS, timeout */
  network: 6,
} as const

/**
 * The exit code a failure ends the run with.
 * @example `exitCodeOf(new EntityNotFoundError('HWM with id=5 not found')) // 3`
 */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage
  if (error instanceof NotFoundError || error instanceof EntityNotFoundError) return EXIT.notFound
  if (error instanceof PermissionDeniedError || error instanceof AuthorizationError) return EXIT.denied
  if (
    error instanceof RequestValidationError ||
    error instanceof InvalidRequestError ||
    error instanceof BadRequestError ||
    error instanceof EntityAlreadyExistsError ||
    error instanceof InputError
  )
    return EXIT.invalid
  if (error instanceof NetworkError || error instanceof TimeoutError || error instanceof AbortError) return EXIT.network
  return EXIT.error
}
