/**
 * The one declaration of Horizon's 19 operations: method, path, how the arguments map onto
 * path/query/body, which constraints check them, what a read is about and what a write changes.
 * The client methods, dry runs, query keys, query and mutation options, cache effects, React
 * hooks and the dev server's routes are all derived from these rows. The schema of each answer
 * is looked up by method and path in the generated OpenAPI data, out of the main bundle.
 */
import { answers, type Change, changed, gone, type Known, type Preview, type Subject } from './changes.js'
import type {
  AuthTokenResponseV1,
  HWMBulkCopyRequestV1,
  HWMCreateRequestV1,
  HWMHistoryPaginateQueryV1,
  HWMHistoryResponseV1,
  HWMListResponseV1,
  HWMPaginateQueryV1,
  HWMResponseV1,
  HWMUpdateRequestV1,
  NamespaceCreateRequestV1,
  NamespaceHistoryPaginateQueryV1,
  NamespaceHistoryResponseV1,
  NamespacePaginateQueryV1,
  NamespaceResponseV1,
  NamespaceUpdateRequestV1,
  PageResponseV1,
  PermissionsResponseV1,
  PermissionsUpdateRequestV1,
  PingResponse,
  WhoamiResponseV1,
} from './types.js'

/** Where the arguments of a call go. */
export interface RequestParts {
  path?: Record<string, unknown>
  query?: Record<string, unknown>
  body?: unknown
  form?: Record<string, string>
}

/** What a read is, for the query layer: its factory names and what its answer is about. */
export interface ReadInfo<A extends unknown[] = never> {
  /** the `horizonQueries` factory (and React hook, `use` + its name) that calls it */
  query: string
  /** the infinite-list factory of a paginated read */
  pages?: string
  /** what its answer is about (entity first); none for server-wide reads such as ping */
  subject?(...args: A): Subject
}

/** What a write does: the reads its answer replaces, changes or ends. */
export interface WriteInfo<A extends unknown[] = never, R = never> {
  /** the consequences of a successful call, in the order they apply */
  changes(call: { args: A; result: R; known: Known }): Change[]
  /** the answer to show before the server's, for `{ optimistic: true }` */
  preview?(args: A): Preview<R>
}

/** One row of the table, as written. */
interface Row<A extends unknown[], R> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  parts(...args: A): RequestParts
  /** false for the routes that need no token */
  auth?: false
  /** the answer carries credentials: redacted from errors and hooks */
  credentials?: true
  read?: ReadInfo<A>
  write?: WriteInfo<A, R>
}

/** One operation. `A` are its arguments, `R` its answer (`void` for 204). */
export interface Operation<A extends unknown[] = never, R = unknown> extends Row<A, R> {
  /** phantom: the arguments, with their names */
  readonly _args?: A
  /** phantom: the answer's type */
  readonly _result?: R
}

// Curried so that the arguments and answer are given while the rest (the factory names) is
// inferred as literals, which the query layer maps into its factory and hook names.
const op =
  <A extends unknown[], R>() =>
  <const X extends Row<A, R>>(row: X): Operation<A, R> & X =>
    row

const ns = (namespace_id: number) => ({ namespace_id })
const none = () => ({})
const query = <Q extends object>(q?: Q) => ({ query: { ...q } })

/**
 * The operation table: one row per Horizon operation, named as the client method that calls it, in
 * the order Horizon's FastAPI app registers its routes (the dev server matches them in this order:
 * the first match wins, and a 405's `Allow` lists methods in it).
 */
export const operations = {
  /**
   * `GET /monitoring/ping`: is the server up.
   * @example `const { status } = await client.ping() // 'ok'`
   */
  ping: op<[], PingResponse>()({
    method: 'GET',
    path: '/monitoring/ping',
    parts: none,
    auth: false,
    read: { query: 'ping' },
  }),
  /**
   * `POST /v1/auth/token`: OAuth2 password grant. Used by `LoginPassword`; rarely called directly.
   * @example `const { access_token } = await client.login('me', 'secret')`
   */
  login: op<[username: string, password: string], AuthTokenResponseV1>()({
    method: 'POST',
    path: '/v1/auth/token',
    parts: (username, password) => ({ form: { grant_type: 'password', username, password } }),
    auth: false,
    credentials: true,
  }),
  /**
   * `GET /v1/users/me`: the current user; `is_admin` only for a superadmin.
   * @example `const me = await client.whoami()`
   */
  whoami: op<[], WhoamiResponseV1>()({
    method: 'GET',
    path: '/v1/users/me',
    parts: none,
    read: { query: 'whoami' },
  }),
  /**
   * `GET /v1/namespaces/`: a page of namespaces, by name; filter `name` is exact.
   * @example `const page = await client.paginateNamespaces({ name: 'etl' })`
   */
  paginateNamespaces: op<[query?: NamespacePaginateQueryV1], PageResponseV1<NamespaceResponseV1>>()({
    method: 'GET',
    path: '/v1/namespaces/',
    parts: query,
    read: { query: 'namespaces', pages: 'namespacesInfinite', subject: () => ['namespaces'] },
  }),
  /**
   * `GET /v1/namespaces/{id}`.
   * @example `const ns = await client.getNamespace(1)`
   */
  getNamespace: op<[namespaceId: number], NamespaceResponseV1>()({
    method: 'GET',
    path: '/v1/namespaces/{namespace_id}',
    parts: (id) => ({ path: ns(id) }),
    read: { query: 'namespace', subject: (id) => ['namespace', id] },
  }),
  /**
   * `POST /v1/namespaces/`: the creator becomes its owner.
   * @example `const ns = await client.createNamespace({ name: 'etl' }, { ifNotExists: true })`
   */
  createNamespace: op<[data: NamespaceCreateRequestV1], NamespaceResponseV1>()({
    method: 'POST',
    path: '/v1/namespaces/',
    parts: (body) => ({ body }),
    write: { changes: ({ result }) => [answers('getNamespace', result.id), changed('namespaces')] },
  }),
  /**
   * `PATCH /v1/namespaces/{id}`: rename or describe (OWNER).
   * @example `await client.updateNamespace(1, { description: 'nightly jobs' })`
   */
  updateNamespace: op<[namespaceId: number, data: NamespaceUpdateRequestV1], NamespaceResponseV1>()({
    method: 'PATCH',
    path: '/v1/namespaces/{namespace_id}',
    parts: (id, body) => ({ path: ns(id), body }),
    write: {
      changes: ({ args: [id] }) => [
        answers('getNamespace', id),
        changed('namespaces'),
        changed('namespace', id, 'history'),
      ],
    },
  }),
  /**
   * `DELETE /v1/namespaces/{id}` (OWNER); refused with 400 while it has HWMs.
   * @example `await client.deleteNamespace(1, { ifExists: true })`
   */
  deleteNamespace: op<[namespaceId: number], void>()({
    method: 'DELETE',
    path: '/v1/namespaces/{namespace_id}',
    parts: (id) => ({ path: ns(id) }),
    write: { changes: ({ args: [id] }) => [gone(['namespace', id]), changed('namespaces')] },
  }),
  /**
   * `GET /v1/namespaces/{id}/permissions` (OWNER): owner first.
   * @example `const { permissions } = await client.getNamespacePermissions(1)`
   */
  getNamespacePermissions: op<[namespaceId: number], PermissionsResponseV1>()({
    method: 'GET',
    path: '/v1/namespaces/{namespace_id}/permissions',
    parts: (id) => ({ path: ns(id) }),
    read: { query: 'namespacePermissions', subject: (id) => ['namespace', id, 'permissions'] },
  }),
  /**
   * `PATCH /v1/namespaces/{id}/permissions` (OWNER): `role: null` removes, `OWNER` transfers.
   * @example `await client.updateNamespacePermissions(1, { permissions: [{ username: 'bob', role: 'DEVELOPER' }] })`
   */
  updateNamespacePermissions: op<[namespaceId: number, data: PermissionsUpdateRequestV1], PermissionsResponseV1>()({
    method: 'PATCH',
    path: '/v1/namespaces/{namespace_id}/permissions',
    parts: (id, body) => ({ path: ns(id), body }),
    write: {
      // An ownership transfer changes the namespace's `owned_by`, hence its detail and lists.
      changes: ({ args: [id] }) => [
        answers('getNamespacePermissions', id),
        changed('namespace', id),
        changed('namespaces'),
      ],
    },
  }),
  /**
   * `GET /v1/hwm/`: a page of a namespace's HWMs, by name; filter `name` is exact.
   * @example `const page = await client.paginateHwm({ namespace_id: 1, page_size: 50 })`
   */
  paginateHwm: op<[query: HWMPaginateQueryV1], PageResponseV1<HWMResponseV1>>()({
    method: 'GET',
    path: '/v1/hwm/',
    parts: query,
    read: { query: 'hwmPage', pages: 'hwmInfinite', subject: (q) => ['hwms', q.namespace_id] },
  }),
  /**
   * `GET /v1/hwm/{id}`.
   * @example `const hwm = await client.getHwm(5)`
   */
  getHwm: op<[hwmId: number], HWMResponseV1>()({
    method: 'GET',
    path: '/v1/hwm/{hwm_id}',
    parts: (hwm_id) => ({ path: { hwm_id } }),
    read: { query: 'hwm', subject: (id) => ['hwm', id] },
  }),
  /**
   * `POST /v1/hwm/` (DEVELOPER): names are unique per namespace.
   * @example `await client.createHwm({ namespace_id: 1, name: 'orders', type: 'column_int', value: 0 })`
   */
  createHwm: op<[data: HWMCreateRequestV1], HWMResponseV1>()({
    method: 'POST',
    path: '/v1/hwm/',
    parts: (body) => ({ body }),
    write: { changes: ({ result }) => [answers('getHwm', result.id), changed('hwms', result.namespace_id)] },
  }),
  /**
   * `PATCH /v1/hwm/{id}` (DEVELOPER): any subset of the fields, at least one.
   * @example `await client.updateHwm(5, { value: 42 })`
   */
  updateHwm: op<[hwmId: number, data: HWMUpdateRequestV1], HWMResponseV1>()({
    method: 'PATCH',
    path: '/v1/hwm/{hwm_id}',
    parts: (hwm_id, body) => ({ path: { hwm_id }, body }),
    write: {
      // `changed('hwm', id)` spares the detail just written: it refetches the history only.
      changes: ({ args: [id], result }) => [
        answers('getHwm', id),
        changed('hwms', result.namespace_id),
        changed('hwm', id),
      ],
      preview: ([id, data]) => ({ read: 'getHwm', args: [id], update: (old) => old && { ...old, ...data } }),
    },
  }),
  /**
   * `DELETE /v1/hwm/{id}` (MAINTAINER).
   * @example `await client.deleteHwm(5, { ifExists: true })`
   */
  deleteHwm: op<[hwmId: number], void>()({
    method: 'DELETE',
    path: '/v1/hwm/{hwm_id}',
    parts: (hwm_id) => ({ path: { hwm_id } }),
    write: {
      // The arguments do not name the namespace: the known detail does, else every HWM list is
      // stale. The history stays (it gains a "Deleted" row).
      changes: ({ args: [id], known }) => {
        const namespace = known<HWMResponseV1>('getHwm', id)?.namespace_id
        return [
          gone(['hwm', id], 'getHwm'),
          changed('hwm', id),
          namespace === undefined ? changed('hwms') : changed('hwms', namespace),
        ]
      },
    },
  }),
  /**
   * `DELETE /v1/hwm/` (MAINTAINER): ids outside the namespace are ignored.
   * @example `await client.bulkDeleteHwm(1, [5, 6])`
   */
  bulkDeleteHwm: op<[namespaceId: number, hwmIds: number[]], void>()({
    method: 'DELETE',
    path: '/v1/hwm/',
    parts: (namespace_id, hwm_ids) => ({ body: { namespace_id, hwm_ids } }),
    write: {
      changes: ({ args: [namespace, ids] }) => [changed('hwms', namespace), ...ids.map((id) => gone(['hwm', id]))],
    },
  }),
  /**
   * `POST /v1/hwm/copy` (DEVELOPER on the target): ids outside the source are ignored.
   * @example `await client.bulkCopyHwm({ source_namespace_id: 1, target_namespace_id: 2, hwm_ids: [5], with_history: true })`
   */
  bulkCopyHwm: op<[data: HWMBulkCopyRequestV1], HWMListResponseV1>()({
    method: 'POST',
    path: '/v1/hwm/copy',
    parts: (body) => ({ body }),
    write: { changes: ({ args: [data] }) => [changed('hwms', data.target_namespace_id)] },
  }),
  /**
   * `GET /v1/hwm-history/`: an HWM's changes, newest first.
   * @example `const page = await client.paginateHwmHistory({ hwm_id: 5 })`
   */
  paginateHwmHistory: op<[query: HWMHistoryPaginateQueryV1], PageResponseV1<HWMHistoryResponseV1>>()({
    method: 'GET',
    path: '/v1/hwm-history/',
    parts: query,
    read: { query: 'hwmHistory', pages: 'hwmHistoryInfinite', subject: (q) => ['hwm', q.hwm_id, 'history'] },
  }),
  /**
   * `GET /v1/namespace-history/`: a namespace's changes, newest first.
   * @example `const page = await client.paginateNamespaceHistory({ namespace_id: 1 })`
   */
  paginateNamespaceHistory: op<[query: NamespaceHistoryPaginateQueryV1], PageResponseV1<NamespaceHistoryResponseV1>>()({
    method: 'GET',
    path: '/v1/namespace-history/',
    parts: query,
    read: {
      query: 'namespaceHistory',
      pages: 'namespaceHistoryInfinite',
      subject: (q) => ['namespace', q.namespace_id, 'history'],
    },
  }),
}

/** The type of the operation table. */
export type Operations = typeof operations
/** The name of an operation, such as `'getHwm'`. */
export type OperationName = keyof Operations
/** Arguments of an operation, without the trailing options. */
export type OperationArgs<K extends OperationName> = Exclude<Operations[K]['_args'], undefined>
/** Answer of an operation. */
export type OperationResult<K extends OperationName> = Exclude<Operations[K]['_result'], undefined>
/** The operations that read (each has a `horizonQueries` factory and hooks). */
export type ReadName = { [K in OperationName]: Operations[K] extends { read: object } ? K : never }[OperationName]
/** The operations that write (each has a `horizonMutations` factory and a hook). */
export type WriteName = { [K in OperationName]: Operations[K] extends { write: object } ? K : never }[OperationName]
