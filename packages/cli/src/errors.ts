/** The CLI's own failures, each with the exit code it ends the run with. */

/** Wrong arguments: unknown command or option, a missing or malformed argument (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** A namespace or HWM named on the command line does not exist (exit 3). */
export class NotFoundError extends Error {
  override name = 'NotFoundError'
}

/** Input that cannot be sent: an export file that is not one, an invalid item, a clash refused (exit 5). */
export class InputError extends Error {
  override name = 'InputError'
}
