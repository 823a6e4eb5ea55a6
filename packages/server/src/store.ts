/**
 * The in-memory database. Rows are immutable objects; a write runs on shallow copies of the tables
 * and replaces the state only when it succeeds, so a request that fails changes nothing.
 */
import type { JsonValue } from '@horizon-ts/core/json'
import type { Clock } from './clock.js'

/** A namespace role stored for a user other than the owner. */
export type GrantedRole = 'DEVELOPER' | 'MAINTAINER'

export interface UserRow {
  readonly id: number
  readonly username: string
}

export interface NamespaceRow {
  readonly id: number
  readonly name: string
  readonly description: string
  readonly ownerId: number
  readonly changedAt: number
  readonly changedById: number | null
}

export interface HwmRow {
  readonly id: number
  readonly namespaceId: number
  readonly name: string
  readonly description: string
  readonly type: string
  /** as parsed: integers beyond 2^53 are `bigint` */
  readonly value: JsonValue
  readonly entity: string | null
  readonly expression: string | null
  readonly changedAt: number
  readonly changedById: number | null
}

export interface HwmHistoryRow extends Omit<HwmRow, 'id'> {
  readonly id: number
  readonly hwmId: number
  readonly action: string
}

export interface NamespaceHistoryRow extends Omit<NamespaceRow, 'id' | 'ownerId'> {
  readonly id: number
  readonly namespaceId: number
  readonly ownerId: number | null
  readonly action: string
}

/** Last id handed out per table (ids are never reused, like PostgreSQL sequences). */
export interface Sequences {
  user: number
  namespace: number
  hwm: number
  hwmHistory: number
  namespaceHistory: number
}

export interface Tables {
  users: Map<number, UserRow>
  userIds: Map<string, number>
  namespaces: Map<number, NamespaceRow>
  /** namespace id → user id → role; the owner is `NamespaceRow.ownerId`, never listed here. */
  roles: Map<number, ReadonlyMap<number, GrantedRole>>
  hwms: Map<number, HwmRow>
  hwmHistory: Map<number, HwmHistoryRow>
  namespaceHistory: Map<number, NamespaceHistoryRow>
  seq: Sequences
}

export const emptyTables = (): Tables => ({
  users: new Map(),
  userIds: new Map(),
  namespaces: new Map(),
  roles: new Map(),
  hwms: new Map(),
  hwmHistory: new Map(),
  namespaceHistory: new Map(),
  seq: { user: 0, namespace: 0, hwm: 0, hwmHistory: 0, namespaceHistory: 0 },
})

const copyTables = (t: Tables): Tables => ({
  users: new Map(t.users),
  userIds: new Map(t.userIds),
  namespaces: new Map(t.namespaces),
  roles: new Map(t.roles),
  hwms: new Map(t.hwms),
  hwmHistory: new Map(t.hwmHistory),
  namespaceHistory: new Map(t.namespaceHistory),
  seq: { ...t.seq },
})

/** The tables and the clock, with the few writes every route shares. */
export class Store {
  #tables: Tables

  constructor(
    readonly clock: Clock,
    tables: Tables = emptyTables(),
  ) {
    this.#tables = tables
  }

  /** The current tables, read-only by convention. */
  get tables(): Tables {
    return this.#tables
  }

  /** Replace everything (reset / reseed). */
  replace(tables: Tables): void {
    this.#tables = tables
  }

  /** Run `write` on a copy of the tables; keep the copy only if it returns without throwing. */
  transaction<T>(write: (tables: Tables) => T): T {
    const draft = copyTables(this.#tables)
    const result = write(draft)
    this.#tables = draft
    return result
  }
}

/** The user of that name, created if new (the dummy auth provider's `get_or_create`). */
export function userByName(t: Tables, username: string): UserRow {
  const id = t.userIds.get(username)
  if (id !== undefined) return t.users.get(id)!
  const user = { id: ++t.seq.user, username }
  t.users.set(user.id, user)
  t.userIds.set(username, user.id)
  return user
}

/** The HWM of that name in the namespace, other than `except`. */
export function hwmNamed(t: Tables, namespaceId: number, name: string, except?: number): HwmRow | undefined {
  for (const hwm of t.hwms.values())
    if (hwm.namespaceId === namespaceId && hwm.name === name && hwm.id !== except) return hwm
  return undefined
}

export function addHwmHistory(t: Tables, row: Omit<HwmHistoryRow, 'id'>): HwmHistoryRow {
  const entry = { ...row, id: ++t.seq.hwmHistory }
  t.hwmHistory.set(entry.id, entry)
  return entry
}

export function addNamespaceHistory(t: Tables, row: Omit<NamespaceHistoryRow, 'id'>): NamespaceHistoryRow {
  const entry = { ...row, id: ++t.seq.namespaceHistory }
  t.namespaceHistory.set(entry.id, entry)
  return entry
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
