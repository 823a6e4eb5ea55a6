/**
 * Thrown by `new HorizonSessions(…)` for options it cannot work with; `code` is `invalid_options`.
 * @example `try { new HorizonSessions({ horizonUrl: 'nope' }) } catch (e) { if (e instanceof HorizonSessionsError) console.log(e.code) }`
 */
export class HorizonSessionsError extends Error {
  /** what went wrong, for programs: `invalid_options` */
  readonly code: 'invalid_options'

  constructor(message: string, code: 'invalid_options' = 'invalid_options') {
    super(message)
    this.name = 'HorizonSessionsError'
    this.code = code
  }
}
