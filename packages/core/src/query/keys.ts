import type { DataTag, InfiniteData, QueryKey } from '@tanstack/query-core'
import type { Subject } from '../horizon/changes.js'
import type { HorizonError } from '../horizon/errors.js'
import {
  type OperationArgs,
  type OperationResult,
  operations,
  type ReadInfo,
  type ReadName,
} from '../horizon/operations.js'
import type { PageResponseV1 } from '../horizon/types.js'
import { horizonReads, type ItemOf, type PagesNameOf, type QueryNameOf } from './reads.js'
import { horizonScope, type ScopeSource } from './scope.js'

/** A query key tagged with its data type, so `getQueryData`/`setQueryData` are typed. */
export type HorizonKey<T> = DataTag<QueryKey, T, HorizonError>
/** The pages of an infinite list, numbered from 1 as Horizon numbers them. */
export type Pages<T> = InfiniteData<PageResponseV1<T>, number>

/** The key factory of one client: one key per read factory, plus the prefixes that group them. */
export type HorizonKeys = {
  /** `['horizon', scope]`: every key of this server and user */
  all(): QueryKey
  /** every read about a subject (the row's `read.subject`), e.g. `about('hwm', 5)` */
  about(...subject: Subject): QueryKey
  /** the key of read `name` (an operation name) called with `args` */
  of<K extends ReadName>(name: K, ...args: OperationArgs<K>): HorizonKey<OperationResult<K>>
  /** every namespace list */
  namespaceLists(): QueryKey
  /** every page of a namespace's history */
  namespaceHistoryOf(namespaceId: number): QueryKey
  /** every HWM list of a namespace, or of every namespace without an id */
  hwmLists(namespaceId?: number): QueryKey
  /** every page of an HWM's history */
  hwmHistoryOf(hwmId: number): QueryKey
} & { [K in ReadName as QueryNameOf<K>]: (...args: OperationArgs<K>) => HorizonKey<OperationResult<K>> } & {
  [K in ReadName as PagesNameOf<K>]: (...args: OperationArgs<K>) => HorizonKey<Pages<ItemOf<K>>>
}

/**
 * The query keys of one client, entity first, so that everything about an entity is one prefix:
 *
 * ```text
 * ['horizon', scope]                                   all()
 *   'ping' | 'whoami'                                  (server-wide reads: no subject)
 *   'namespaces', operation, 'page' | 'infinite', query            namespaceLists()
 *   'namespace', id, operation                         about('namespace', id): everything about it
 *   'namespace', id, 'permissions' | 'history', operation, …       namespaceHistoryOf(id)
 *   'hwms', namespaceId, operation, 'page' | 'infinite', query     hwmLists(namespaceId?)
 *   'hwm', id, operation                               about('hwm', id): everything about it
 *   'hwm', id, 'history', operation, 'page' | 'infinite', query    hwmHistoryOf(id)
 * ```
 * ```
 * The subjects come from the operation rows (`read.subject`); `operation` is the read's name
 * (`getHwm`, `paginateHwm`…). `scope` is {@link horizonScope},
 * read at each call: a login changes every key.
 * @example
 * ```ts
 * const keys = horizonKeys(client)
 * queryClient.getQueryData(keys.hwm(5)) // HWMResponseV1 | undefined
 * queryClient.invalidateQueries({ queryKey: keys.about('hwm', 5) }) // its detail and its history
 * queryClient.invalidateQueries({ queryKey: keys.hwmLists(2) }) // every list of namespace 2
 * ```
 */
export function horizonKeys(client: ScopeSource): HorizonKeys {
  const all = (): QueryKey => ['horizon', horizonScope(client)]
  const about = (...subject: unknown[]): QueryKey => [...all(), ...subject]
  // `[...all, ...subject, operation]`, then for a paginated read its shape and query.
  const read = (name: ReadName, args: unknown[], infinite?: boolean): QueryKey => {
    const info = operations[name].read as ReadInfo<unknown[]>
    // Paged and infinite reads of the same query differ in their data's shape.
    return about(
      ...(info.subject?.(...args) ?? []),
      name,
      ...(info.pages ? [infinite ? 'infinite' : 'page', args[0] ?? {}] : []),
    )
  }
  const keys: Record<string, unknown> = {
    all,
    about,
    of: (name: ReadName, ...args: unknown[]) => read(name, args),
    namespaceLists: () => about('namespaces'),
    namespaceHistoryOf: (id: number) => about('namespace', id, 'history'),
    hwmLists: (namespaceId?: number) => (namespaceId === undefined ? about('hwms') : about('hwms', namespaceId)),
    hwmHistoryOf: (id: number) => about('hwm', id, 'history'),
  }
  for (const [factory, { operation, infinite }] of Object.entries(horizonReads))
    keys[factory] = (...args: unknown[]) => read(operation, args, infinite)
  return keys as HorizonKeys
}
