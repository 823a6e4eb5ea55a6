import { EntityAlreadyExistsError, InvalidRequestError, RequestValidationError } from '@horizon-ts/core'

/**
 * Whether a server error is about `field` (an "already exists" on that field, or a 422 item at it),
 * so that editing the field clears it: the answer was about the old text, not the new one.
 */
export function concernsField(error: unknown, field: string): boolean {
  if (error instanceof EntityAlreadyExistsError) return (error.field ?? 'name') === field
  if (error instanceof InvalidRequestError || error instanceof RequestValidationError)
    return error.details.some((d) => d.location.includes(field))
  return false
}
