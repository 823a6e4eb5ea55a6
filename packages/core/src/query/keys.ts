import type { DataTag, InfiniteData, QueryKey } from '@tanstack/query-core'
import type { HorizonError } from '../horizon/errors.js'
import type {
  HWMHistoryPaginateQueryV1,
  HWMHistoryResponseV1,
  HWMPaginateQueryV1,
  HWMResponseV1,
  NamespaceHistoryPaginateQueryV1,
  NamespaceHistoryResponseV1,
  NamespacePaginateQueryV1,
  NamespaceResponseV1,
  PageResponseV1,
  PermissionsResponseV1,
  PingResponse,
  WhoamiResponseV1,
} from '../horizon/types.js'
import { horizonScope, type ScopeSource } from './scope.js'

/** A query key tagged with its data type, so `getQueryData`/`setQueryData` are typed. */
export type HorizonKey<T> = DataTag<QueryKey, T, HorizonError>
/** The pages of an infinite list, numbered from 1 as Horizon numbers them. */
export type Pages<T> = InfiniteData<PageResponseV1<T>, number>

const tag = <T>(key: QueryKey) => key as HorizonKey<T>

/**
 * The query keys of one client, general → specific, so that every invalidation is one prefix:
 *
 * ```text
 * ['horizon', scope]                                              all of this server and user
 *   'ping' | 'whoami'
 *   'namespaces', 'list', 'page' | 'infinite', query              namespaceLists()
 *   'namespaces', 'detail', id
 *   'namespaces', 'permissions', id
 *   'namespaces', 'history', id, 'page' | 'infinite', query       namespaceHistoryOf(id)
 *   'hwm', 'list', namespaceId, 'page' | 'infinite', query        hwmLists(namespaceId?)
 *   'hwm', 'detail', id
 *   'hwm', 'history', id, 'page' | 'infinite', query              hwmHistoryOf(id)
 * ```
 * `scope` is {@link horizonScope}, read at each call: a login changes every key.
 * Paged and infinite reads of the same query differ in their data's shape, hence `'page' | 'infinite'`.
 * @example
 * ```ts
 * const keys = horizonKeys(client)
 * queryClient.getQueryData(keys.hwm(5)) // HWMResponseV1 | undefined
 * queryClient.invalidateQueries({ queryKey: keys.hwmLists(2) }) // every list of namespace 2
 * ```
 */
export function horizonKeys(client: ScopeSource) {
  const all = (): QueryKey => ['horizon', horizonScope(client)]
  const ns = (...rest: unknown[]): QueryKey => [...all(), 'namespaces', ...rest]
  const hwm = (...rest: unknown[]): QueryKey => [...all(), 'hwm', ...rest]
  return {
    all,
    ping: (): HorizonKey<PingResponse> => tag<PingResponse>([...all(), 'ping']),
    whoami: (): HorizonKey<WhoamiResponseV1> => tag<WhoamiResponseV1>([...all(), 'whoami']),

    namespaceLists: () => ns('list'),
    namespaces: (query: NamespacePaginateQueryV1 = {}): HorizonKey<PageResponseV1<NamespaceResponseV1>> =>
      tag<PageResponseV1<NamespaceResponseV1>>(ns('list', 'page', query)),
    namespacesInfinite: (query: NamespacePaginateQueryV1 = {}): HorizonKey<Pages<NamespaceResponseV1>> =>
      tag<Pages<NamespaceResponseV1>>(ns('list', 'infinite', query)),
    namespace: (id: number): HorizonKey<NamespaceResponseV1> => tag<NamespaceResponseV1>(ns('detail', id)),
    namespacePermissions: (id: number): HorizonKey<PermissionsResponseV1> =>
      tag<PermissionsResponseV1>(ns('permissions', id)),
    namespaceHistoryOf: (id: number) => ns('history', id),
    namespaceHistory: (
      query: NamespaceHistoryPaginateQueryV1,
    ): HorizonKey<PageResponseV1<NamespaceHistoryResponseV1>> =>
      tag<PageResponseV1<NamespaceHistoryResponseV1>>(ns('history', query.namespace_id, 'page', query)),
    namespaceHistoryInfinite: (query: NamespaceHistoryPaginateQueryV1): HorizonKey<Pages<NamespaceHistoryResponseV1>> =>
      tag<Pages<NamespaceHistoryResponseV1>>(ns('history', query.namespace_id, 'infinite', query)),

    /** every HWM list of a namespace, or of every namespace without an id */
    hwmLists: (namespaceId?: number) => (namespaceId === undefined ? hwm('list') : hwm('list', namespaceId)),
    hwmPage: (query: HWMPaginateQueryV1): HorizonKey<PageResponseV1<HWMResponseV1>> =>
      tag<PageResponseV1<HWMResponseV1>>(hwm('list', query.namespace_id, 'page', query)),
    hwmInfinite: (query: HWMPaginateQueryV1): HorizonKey<Pages<HWMResponseV1>> =>
      tag<Pages<HWMResponseV1>>(hwm('list', query.namespace_id, 'infinite', query)),
    hwm: (id: number): HorizonKey<HWMResponseV1> => tag<HWMResponseV1>(hwm('detail', id)),
    hwmHistoryOf: (id: number) => hwm('history', id),
    hwmHistory: (query: HWMHistoryPaginateQueryV1): HorizonKey<PageResponseV1<HWMHistoryResponseV1>> =>
      tag<PageResponseV1<HWMHistoryResponseV1>>(hwm('history', query.hwm_id, 'page', query)),
    hwmHistoryInfinite: (query: HWMHistoryPaginateQueryV1): HorizonKey<Pages<HWMHistoryResponseV1>> =>
      tag<Pages<HWMHistoryResponseV1>>(hwm('history', query.hwm_id, 'infinite', query)),
  }
}

/** The key factory of one client (the return type of {@link horizonKeys}). */
export type HorizonKeys = ReturnType<typeof horizonKeys>
