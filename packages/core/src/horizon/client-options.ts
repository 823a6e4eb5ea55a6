import type { Transport, TransportOptions } from '../transport/transport.js'
import type { AuthStrategy, CallOptions, Hooks } from '../transport/types.js'
import type { ValidationIssue } from './constraints.js'
import type { OperationArgs, OperationName, OperationResult } from './operations.js'

/** The transport's hooks, plus what only a Horizon client tells. */
export interface HorizonHooks extends Hooks {
  /** non-fatal notices, such as a server newer than the client's types (default `console.warn`) */
  onWarning?: (message: string) => void
}

/** Options of `HorizonClient`: the transport's, less the error factory, plus response validation. */
export interface HorizonClientOptions extends Omit<TransportOptions, 'toError' | 'hooks'> {
  /** logging and tracing callbacks (default none) */
  hooks?: HorizonHooks
  /** `LoginPassword`, `AccessToken`, `BearerToken` or your own strategy (default none: anonymous calls) */
  auth?: AuthStrategy
  /**
   * Checks every answer against the OpenAPI schema; a mismatch raises `ResponseValidationError`.
   * `true` loads the schemas on first use (a chunk of their own, out of the main bundle); or pass
   * a checker, such as `checkResponse` from `@horizon-ts/core/schemas`, to have it bundled.
   * Default `false`.
   */
  validateResponses?: boolean | ResponseChecker
}

/** Answers the issues found in the answer `data` of `operation`; none when it matches. */
export type ResponseChecker = (operation: OperationName, data: unknown) => ValidationIssue[]

/** `createNamespace` options: `ifNotExists` answers the existing namespace instead of a 409. */
export interface CreateOptions extends CallOptions {
  /** on 409, answer the namespace of that name instead of raising `EntityAlreadyExistsError` (default false) */
  ifNotExists?: boolean
}
/** `deleteHwm` / `deleteNamespace` options: `ifExists` succeeds on 404. */
export interface DeleteOptions extends CallOptions {
  /** on 404, succeed instead of raising `EntityNotFoundError` (default false) */
  ifExists?: boolean
}

/** What the request chunk's `calls.ts` uses of a client: its options, transport and `call`. */
export interface CallHost {
  readonly options: HorizonClientOptions
  readonly transport: Transport
  call<K extends OperationName>(name: K, args: OperationArgs<K>, options?: CallOptions): Promise<OperationResult<K>>
}
