/**
 * The database: tables of immutable rows with the indexes Horizon's queries need (by id, by
 * namespace and name, in name order, history per HWM and per namespace), changed in place. Every
 * change is one {@link Change}; a transaction records them with their undo, so a failed request is
 * rolled back in the time it took, not by copying the store, and a committed one hands its changes
 * to the data log, which replays them through the same `apply`.
 */
import { byName } from '../paging.js'
import type {
  GrantedRole,
  HwmHistoryRow,
  HwmRow,
  NamespaceHistoryRow,
  NamespaceRow,
  RoleRow,
  Sequence,
  UserRow,
} from './rows.js'
import { SortedRows } from './sorted-rows.js'

/** Each table's rows. */
interface Schema {
  users: UserRow
  namespaces: NamespaceRow
  roles: RoleRow
  hwms: HwmRow
  hwmHistory: HwmHistoryRow
  namespaceHistory: NamespaceHistoryRow
  seq: number
}

export type TableName = keyof Schema

/** A row as it is now under `key` of `table`; `null`: deleted. Undo, the data log and replay share it. */
export type Change = { [T in TableName]: [table: T, key: number | string, row: Schema[T] | null] }[TableName]

export const TABLE_NAMES: readonly TableName[] = [
  'seq',
  'users',
  'namespaces',
  'roles',
  'hwms',
  'hwmHistory',
  'namespaceHistory',
]

const roleKey = (namespaceId: number, userId: number) => `${namespaceId}:${userId}`
const byId = <T extends { id: number }>(a: T, b: T) => a.id - b.id
const EMPTY: readonly never[] = []

/** The entry of `key`, made and added when missing. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const value = map.get(key)
  if (value !== undefined) return value
  const made = make()
  map.set(key, made)
  return made
}
const NO_ROLES: ReadonlyMap<number, GrantedRole> = new Map()

/** The HWMs of one namespace: by name, and in name order for pages. */
class NamespaceHwms {
  readonly byName = new Map<string, HwmRow>()
  readonly sorted = new SortedRows<HwmRow>(byName)
}

export class Tables {
  readonly #rows: { [T in TableName]: Map<number | string, Schema[T]> } = {
    users: new Map(),
    namespaces: new Map(),
    roles: new Map(),
    hwms: new Map(),
    hwmHistory: new Map(),
    namespaceHistory: new Map(),
    seq: new Map(),
  }
  readonly #userIds = new Map<string, number>()
  readonly #namespaceIds = new Map<string, number>()
  readonly #namespacesSorted = new SortedRows<NamespaceRow>(byName)
  readonly #roles = new Map<number, Map<number, GrantedRole>>()
  readonly #hwmsOf = new Map<number, NamespaceHwms>()
  readonly #hwmHistoryOf = new Map<number, SortedRows<HwmHistoryRow>>()
  /** hwm_history rows by their `namespace_id` (a copy's rows keep the source's): the cascade of a delete. */
  readonly #hwmHistoryIn = new Map<number, Set<number>>()
  readonly #namespaceHistoryOf = new Map<number, SortedRows<NamespaceHistoryRow>>()
  /** The open transaction's undo and redo, or undefined outside one. */
  #undo: Change[] | undefined
  #redo: Change[] = []

  // --- reads -------------------------------------------------------------------------------------

  get users(): ReadonlyMap<number, UserRow> {
    return this.#rows.users as ReadonlyMap<number, UserRow>
  }
  get userIds(): ReadonlyMap<string, number> {
    return this.#userIds
  }
  get namespaces(): ReadonlyMap<number, NamespaceRow> {
    return this.#rows.namespaces as ReadonlyMap<number, NamespaceRow>
  }
  get hwms(): ReadonlyMap<number, HwmRow> {
    return this.#rows.hwms as ReadonlyMap<number, HwmRow>
  }

  /** The namespace of that name, other than `except`. */
  namespaceNamed(name: string, except?: number): NamespaceRow | undefined {
    const id = this.#namespaceIds.get(name)
    return id === undefined || id === except ? undefined : this.namespaces.get(id)
  }
  /** Every namespace in name order (then id). Valid until the next change. */
  namespacesByName(): readonly NamespaceRow[] {
    return this.#namespacesSorted.rows
  }
  /** User id → granted role in the namespace (the owner is `ownerId`, never listed). */
  rolesIn(namespaceId: number): ReadonlyMap<number, GrantedRole> {
    return this.#roles.get(namespaceId) ?? NO_ROLES
  }
  /** The HWM of that name in the namespace, other than `except`. */
  hwmNamed(namespaceId: number, name: string, except?: number): HwmRow | undefined {
    const hwm = this.#hwmsOf.get(namespaceId)?.byName.get(name)
    return hwm?.id === except ? undefined : hwm
  }
  /** The namespace's HWMs in name order (then id). Valid until the next change. */
  hwmsByName(namespaceId: number): readonly HwmRow[] {
    return this.#hwmsOf.get(namespaceId)?.sorted.rows ?? EMPTY
  }
  /** The HWM's history rows in id order. */
  hwmHistoryOf(hwmId: number): readonly HwmHistoryRow[] {
    return this.#hwmHistoryOf.get(hwmId)?.rows ?? EMPTY
  }
  /** Ids of the hwm_history rows whose `namespace_id` is the namespace's. */
  hwmHistoryIn(namespaceId: number): ReadonlySet<number> {
    return this.#hwmHistoryIn.get(namespaceId) ?? new Set()
  }
  /** The namespace's history rows in id order. */
  namespaceHistoryOf(namespaceId: number): readonly NamespaceHistoryRow[] {
    return this.#namespaceHistoryOf.get(namespaceId)?.rows ?? EMPTY
  }
  /** Rows per table, for the metrics and tests. */
  count(table: TableName): number {
    return this.#rows[table].size
  }
  /** Every row as a change, in an order `apply` accepts (a snapshot for the data log). */
  *snapshot(): Generator<Change> {
    for (const table of TABLE_NAMES) for (const [key, row] of this.#rows[table]) yield [table, key, row] as Change
  }

  // --- writes --------------------------------------------------------------------------------------

  /** The next id of the sequence. */
  next(sequence: Sequence): number {
    const id = ((this.#rows.seq.get(sequence) as number | undefined) ?? 0) + 1
    this.#write(['seq', sequence, id])
    return id
  }
  putUser(row: UserRow): void {
    this.#write(['users', row.id, row])
  }
  putNamespace(row: NamespaceRow): void {
    this.#write(['namespaces', row.id, row])
  }
  removeNamespace(id: number): void {
    this.#write(['namespaces', id, null])
  }
  setRole(namespaceId: number, userId: number, role: GrantedRole | null): void {
    this.#write(['roles', roleKey(namespaceId, userId), role && { namespaceId, userId, role }])
  }
  putHwm(row: HwmRow): void {
    this.#write(['hwms', row.id, row])
  }
  removeHwm(id: number): void {
    this.#write(['hwms', id, null])
  }
  addHwmHistory(row: Omit<HwmHistoryRow, 'id'>): HwmHistoryRow {
    const entry = { ...row, id: this.next('hwmHistory') }
    this.#write(['hwmHistory', entry.id, entry])
    return entry
  }
  removeHwmHistory(id: number): void {
    this.#write(['hwmHistory', id, null])
  }
  addNamespaceHistory(row: Omit<NamespaceHistoryRow, 'id'>): NamespaceHistoryRow {
    const entry = { ...row, id: this.next('namespaceHistory') }
    this.#write(['namespaceHistory', entry.id, entry])
    return entry
  }

  // --- transactions --------------------------------------------------------------------------------

  /** Starts recording changes (transactions do not nest: the store runs one at a time, synchronously). */
  begin(): void {
    if (this.#undo) throw new Error('a transaction is already open')
    this.#undo = []
    this.#redo = []
  }
  /** The open transaction's changes, in order. */
  pending(): readonly Change[] {
    return this.#redo
  }
  /** Keeps the changes. */
  commit(): void {
    this.#undo = undefined
    this.#redo = []
  }
  /** Undoes every change of the open transaction, newest first. */
  rollback(): void {
    const undo = this.#undo ?? []
    this.#undo = undefined
    this.#redo = []
    for (let i = undo.length - 1; i >= 0; i--) this.apply(undo[i]!)
  }

  #write(change: Change): void {
    const [table, key] = change
    this.#undo?.push([table, key, this.#rows[table].get(key) ?? null] as Change)
    this.#redo.push(change)
    this.apply(change)
  }

  /** Sets one row and its indexes (a change of a transaction, its undo, or a replayed one). */
  apply(change: Change): void {
    const [table, key, row] = change
    const rows = this.#rows[table] as Map<number | string, unknown>
    const old = rows.get(key)
    if (row === null) rows.delete(key)
    else rows.set(key, row)
    switch (table) {
      case 'users':
        this.#indexUser(old as UserRow | undefined, row as UserRow | null)
        break
      case 'namespaces':
        this.#indexNamespace(old as NamespaceRow | undefined, row as NamespaceRow | null)
        break
      case 'roles':
        this.#indexRole(old as RoleRow | undefined, row as RoleRow | null)
        break
      case 'hwms':
        this.#indexHwm(old as HwmRow | undefined, row as HwmRow | null)
        break
      case 'hwmHistory':
        this.#indexHwmHistory(old as HwmHistoryRow | undefined, row as HwmHistoryRow | null)
        break
      case 'namespaceHistory':
        this.#indexNamespaceHistory(old as NamespaceHistoryRow | undefined, row as NamespaceHistoryRow | null)
        break
    }
  }

  #indexUser(old: UserRow | undefined, row: UserRow | null) {
    if (old) this.#userIds.delete(old.username)
    if (row) this.#userIds.set(row.username, row.id)
  }

  #indexNamespace(old: NamespaceRow | undefined, row: NamespaceRow | null) {
    if (old && this.#namespaceIds.get(old.name) === old.id) this.#namespaceIds.delete(old.name)
    if (row) this.#namespaceIds.set(row.name, row.id)
    if (old && row) this.#namespacesSorted.replace(old, row)
    else if (old) this.#namespacesSorted.remove(old)
    else if (row) this.#namespacesSorted.insert(row)
  }

  #indexRole(old: RoleRow | undefined, row: RoleRow | null) {
    if (old) this.#roles.get(old.namespaceId)?.delete(old.userId)
    if (!row) return
    const roles = entry(this.#roles, row.namespaceId, () => new Map())
    roles.set(row.userId, row.role)
  }

  #indexHwm(old: HwmRow | undefined, row: HwmRow | null) {
    if (old) {
      const of = this.#hwmsOf.get(old.namespaceId)!
      if (of.byName.get(old.name)?.id === old.id) of.byName.delete(old.name)
      if (row?.namespaceId === old.namespaceId) of.sorted.replace(old, row)
      else of.sorted.remove(old)
    }
    if (!row) return
    const of = entry(this.#hwmsOf, row.namespaceId, () => new NamespaceHwms())
    of.byName.set(row.name, row)
    if (old?.namespaceId !== row.namespaceId) of.sorted.insert(row)
  }

  #indexHwmHistory(old: HwmHistoryRow | undefined, row: HwmHistoryRow | null) {
    if (old) {
      this.#hwmHistoryOf.get(old.hwmId)?.remove(old)
      this.#hwmHistoryIn.get(old.namespaceId)?.delete(old.id)
    }
    if (!row) return
    const of = entry(this.#hwmHistoryOf, row.hwmId, () => new SortedRows(byId))
    of.insert(row)
    const ids = entry(this.#hwmHistoryIn, row.namespaceId, () => new Set())
    ids.add(row.id)
  }

  #indexNamespaceHistory(old: NamespaceHistoryRow | undefined, row: NamespaceHistoryRow | null) {
    if (old) this.#namespaceHistoryOf.get(old.namespaceId)?.remove(old)
    if (!row) return
    const of = entry(this.#namespaceHistoryOf, row.namespaceId, () => new SortedRows(byId))
    of.insert(row)
  }
}
