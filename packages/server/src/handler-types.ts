/**
 * The shape of the handler table: one handler per operation of `@horizon-ts/core`'s table, so a
 * missing or misspelled one is a compile error. A handler gets its validated inputs and only what
 * the handlers need of the server (the store, the user, token issuing), never the whole runtime.
 */
import type { AuthTokenResponseV1, OperationName, OperationResult } from '@horizon-ts/core'
import type { Inputs } from './operation-inputs.js'
import type { Store, UserRow } from './store.js'

export interface HandlerContext<K extends OperationName> extends Inputs<K> {
  /** The tables (read), `transaction` (write) and the clock. */
  readonly store: Store
  /** The authenticated user. Ping and login need no token: reading it there throws. */
  readonly user: UserRow
  /** Whether the user is one of the server's superadmins (who skip every role check). */
  readonly superadmin: boolean
  /** A token for the user, signed with this server's secret and token lifetime. */
  readonly issueToken: (userId: number) => Promise<AuthTokenResponseV1>
}

/** An answer of 201 Created; any other answer is 200, or 204 for an operation that answers nothing. */
export class Created<T> {
  constructor(readonly value: T) {}
}

export const created = <T>(value: T): Created<T> => new Created(value)

/** A handler: the operation's answer (its type, from the table), or nothing for a 204. */
export type Handler<K extends OperationName> =
  OperationResult<K> extends void
    ? (ctx: HandlerContext<K>) => void | Promise<void>
    : (ctx: HandlerContext<K>) => Answer<OperationResult<K>> | Promise<Answer<OperationResult<K>>>

/** An answer of 200, or of 201 when wrapped by `created`. */
export type Answer<R> = R | Created<R>

export type Handlers = { readonly [K in OperationName]: Handler<K> }
