/**
 * The store: the tables, the clock and transactions. A write changes the tables in place while
 * recording its undo; it commits only when it returns, so a request that fails changes nothing, and
 * a committed one is handed to the journal (the data log of `--data`) before anyone can read it.
 */
import type { Clock } from './clock.js'
import type { Journal } from './storage/journal.js'
import type { HwmHistoryRow, HwmRow, NamespaceHistoryRow, NamespaceRow, UserRow } from './storage/rows.js'
import { Tables } from './storage/tables.js'

export type { Journal } from './storage/journal.js'
export type {
  GrantedRole,
  HwmHistoryRow,
  HwmRow,
  NamespaceHistoryRow,
  NamespaceRow,
  UserRow,
} from './storage/rows.js'
export { type Change, Tables } from './storage/tables.js'

/** The tables and the clock, with the few writes every route shares. */
export class Store {
  #tables: Tables
  #journal: Journal | undefined

  constructor(
    readonly clock: Clock,
    tables: Tables = new Tables(),
  ) {
    this.#tables = tables
  }

  /** The current tables; change them only inside {@link transaction}. */
  get tables(): Tables {
    return this.#tables
  }

  /** Keeps every later commit in `journal` (set once, when the data log is open). */
  persistTo(journal: Journal): void {
    this.#journal = journal
  }

  /** Replace everything (reset / reseed); the runtime starts the data log over. */
  replace(tables: Tables): void {
    this.#tables = tables
  }

  /**
   * Runs `write` on the tables; keeps its changes only if it returns without throwing and the journal
   * took them. Synchronous, so no other request sees a half-done write.
   */
  transaction<T>(write: (tables: Tables) => T): T {
    const t = this.#tables
    t.begin()
    try {
      const result = write(t)
      const changes = t.pending()
      if (changes.length) this.#journal?.append(changes)
      t.commit()
      return result
    } catch (error) {
      t.rollback()
      throw error
    }
  }

  /** Resolves once every committed write is durable; undefined when there is no data log. */
  durable(): Promise<void> | undefined {
    return this.#journal?.flushed()
  }
}

/** The user of that name, created if new (the dummy auth provider's `get_or_create`). */
export function userByName(t: Tables, username: string): UserRow {
  const id = t.userIds.get(username)
  if (id !== undefined) return t.users.get(id)!
  const user = { id: t.next('user'), username }
  t.putUser(user)
  return user
}

/** A history row's data from the entity it records (`to_dict(exclude={"id"})` in Horizon). */
export const hwmSnapshot = ({ id, ...rest }: HwmRow, action: string): Omit<HwmHistoryRow, 'id'> => ({
  ...rest,
  hwmId: id,
  action,
})

export const namespaceSnapshot = ({ id, ...rest }: NamespaceRow, action: string): Omit<NamespaceHistoryRow, 'id'> => ({
  ...rest,
  namespaceId: id,
  action,
})
