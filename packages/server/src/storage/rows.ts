/** The rows of the database, immutable objects. Values are as parsed, so they are written back as they came. */
import type { PyJsonValue } from '../py-json.js'

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
  /** as parsed (`py-json.ts`): floats are `PyFloat`, integers beyond 2^53 `bigint`, key order kept */
  readonly value: PyJsonValue
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

/** A granted role: the row of `(namespace, user)`. */
export interface RoleRow {
  readonly namespaceId: number
  readonly userId: number
  readonly role: GrantedRole
}

/** Last id handed out per table (ids are never reused, like PostgreSQL sequences). */
export type Sequence = 'user' | 'namespace' | 'hwm' | 'hwmHistory' | 'namespaceHistory'
