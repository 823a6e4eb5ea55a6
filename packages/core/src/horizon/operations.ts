/**
 * The one declaration of Horizon's 19 operations: method, path, how the arguments map onto
 * path/query/body, which constraints check them. The client
 * methods, dry runs, query options and hooks are all derived from these rows (the schema of each
 * answer sits beside the schemas, in `response-check.ts`, out of the main bundle).
 */
import type { ModelName } from './constraints.js'
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

/** One operation. `A` are its arguments, `R` its answer (`void` for 204). */
export interface Operation<A extends unknown[] = unknown[], R = unknown> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  parts: (...args: A) => RequestParts
  /** constraint-table models that check the path, query and body */
  checks: { path?: ModelName; query?: ModelName; body?: ModelName; form?: ModelName }
  /** false for the routes that need no token */
  auth?: false
  /** the answer carries credentials: redacted from errors and hooks */
  credentials?: true
  /** phantom: the answer's type */
  readonly _result?: R
}

const op = <A extends unknown[], R>(
  method: Operation['method'],
  path: string,
  parts: (...args: A) => RequestParts,
  checks: Operation['checks'] = {},
  auth?: false,
  credentials?: true,
): Operation<A, R> => ({ method, path, parts, checks, auth, credentials })

const ns = (namespace_id: number) => ({ namespace_id })
const nsPath = { path: 'NamespacePath' } as const
const hwmPath = { path: 'HwmPath' } as const

/** The operation table: one row per Horizon operation, named as the client method that calls it. */
export const operations = {
  /**
   * `GET /monitoring/ping`: is the server up.
   * @example `const { status } = await client.ping() // 'ok'`
   */
  ping: op<[], PingResponse>('GET', '/monitoring/ping', () => ({}), {}, false),
  /**
   * `POST /v1/auth/token`: OAuth2 password grant. Used by `LoginPassword`; rarely called directly.
   * @example `const { access_token } = await client.login('me', 'secret')`
   */
  login: op<[username: string, password: string], AuthTokenResponseV1>(
    'POST',
    '/v1/auth/token',
    (username, password) => ({ form: { grant_type: 'password', username, password } }),
    { form: 'LoginForm' },
    false,
    true,
  ),
  /**
   * `GET /v1/users/me`: the current user; `is_admin` only for a superadmin.
   * @example `const me = await client.whoami()`
   */
  whoami: op<[], WhoamiResponseV1>('GET', '/v1/users/me', () => ({}), {}),
  /**
   * `GET /v1/namespaces/`: a page of namespaces, by name; filter `name` is exact.
   * @example `const page = await client.paginateNamespaces({ name: 'etl' })`
   */
  paginateNamespaces: op<[query?: NamespacePaginateQueryV1], PageResponseV1<NamespaceResponseV1>>(
    'GET',
    '/v1/namespaces/',
    (query) => ({ query: { ...query } }),
    { query: 'PaginateNamespacesQuery' },
  ),
  /**
   * `GET /v1/namespaces/{id}`.
   * @example `const ns = await client.getNamespace(1)`
   */
  getNamespace: op<[namespaceId: number], NamespaceResponseV1>(
    'GET',
    '/v1/namespaces/{namespace_id}',
    (id) => ({ path: ns(id) }),
    nsPath,
  ),
  /**
   * `POST /v1/namespaces/`: the creator becomes its owner.
   * @example `const ns = await client.createNamespace({ name: 'etl' }, { ifNotExists: true })`
   */
  createNamespace: op<[data: NamespaceCreateRequestV1], NamespaceResponseV1>(
    'POST',
    '/v1/namespaces/',
    (body) => ({ body }),
    { body: 'NamespaceCreateRequestV1' },
  ),
  /**
   * `PATCH /v1/namespaces/{id}`: rename or describe (OWNER).
   * @example `await client.updateNamespace(1, { description: 'nightly jobs' })`
   */
  updateNamespace: op<[namespaceId: number, data: NamespaceUpdateRequestV1], NamespaceResponseV1>(
    'PATCH',
    '/v1/namespaces/{namespace_id}',
    (id, body) => ({ path: ns(id), body }),
    { ...nsPath, body: 'NamespaceUpdateRequestV1' },
  ),
  /**
   * `DELETE /v1/namespaces/{id}` (OWNER); refused with 400 while it has HWMs.
   * @example `await client.deleteNamespace(1, { ifExists: true })`
   */
  deleteNamespace: op<[namespaceId: number], void>(
    'DELETE',
    '/v1/namespaces/{namespace_id}',
    (id) => ({ path: ns(id) }),
    nsPath,
  ),
  /**
   * `GET /v1/namespace-history/`: a namespace's changes, newest first.
   * @example `const page = await client.paginateNamespaceHistory({ namespace_id: 1 })`
   */
  paginateNamespaceHistory: op<[query: NamespaceHistoryPaginateQueryV1], PageResponseV1<NamespaceHistoryResponseV1>>(
    'GET',
    '/v1/namespace-history/',
    (query) => ({ query: { ...query } }),
    { query: 'PaginateNamespaceHistoryQuery' },
  ),
  /**
   * `GET /v1/hwm/`: a page of a namespace's HWMs, by name; filter `name` is exact.
   * @example `const page = await client.paginateHwm({ namespace_id: 1, page_size: 50 })`
   */
  paginateHwm: op<[query: HWMPaginateQueryV1], PageResponseV1<HWMResponseV1>>(
    'GET',
    '/v1/hwm/',
    (query) => ({ query: { ...query } }),
    { query: 'PaginateHwmQuery' },
  ),
  /**
   * `GET /v1/hwm/{id}`.
   * @example `const hwm = await client.getHwm(5)`
   */
  getHwm: op<[hwmId: number], HWMResponseV1>('GET', '/v1/hwm/{hwm_id}', (hwm_id) => ({ path: { hwm_id } }), hwmPath),
  /**
   * `POST /v1/hwm/` (DEVELOPER): names are unique per namespace.
   * @example `await client.createHwm({ namespace_id: 1, name: 'orders', type: 'column_int', value: 0 })`
   */
  createHwm: op<[data: HWMCreateRequestV1], HWMResponseV1>('POST', '/v1/hwm/', (body) => ({ body }), {
    body: 'HWMCreateRequestV1',
  }),
  /**
   * `PATCH /v1/hwm/{id}` (DEVELOPER): any subset of the fields, at least one.
   * @example `await client.updateHwm(5, { value: 42 })`
   */
  updateHwm: op<[hwmId: number, data: HWMUpdateRequestV1], HWMResponseV1>(
    'PATCH',
    '/v1/hwm/{hwm_id}',
    (hwm_id, body) => ({ path: { hwm_id }, body }),
    { ...hwmPath, body: 'HWMUpdateRequestV1' },
  ),
  /**
   * `DELETE /v1/hwm/{id}` (MAINTAINER).
   * @example `await client.deleteHwm(5, { ifExists: true })`
   */
  deleteHwm: op<[hwmId: number], void>('DELETE', '/v1/hwm/{hwm_id}', (hwm_id) => ({ path: { hwm_id } }), hwmPath),
  /**
   * `POST /v1/hwm/copy` (DEVELOPER on the target): ids outside the source are ignored.
   * @example `await client.bulkCopyHwm({ source_namespace_id: 1, target_namespace_id: 2, hwm_ids: [5], with_history: true })`
   */
  bulkCopyHwm: op<[data: HWMBulkCopyRequestV1], HWMListResponseV1>('POST', '/v1/hwm/copy', (body) => ({ body }), {
    body: 'HWMBulkCopyRequestV1',
  }),
  /**
   * `DELETE /v1/hwm/` (MAINTAINER): ids outside the namespace are ignored.
   * @example `await client.bulkDeleteHwm(1, [5, 6])`
   */
  bulkDeleteHwm: op<[namespaceId: number, hwmIds: number[]], void>(
    'DELETE',
    '/v1/hwm/',
    (namespace_id, hwm_ids) => ({ body: { namespace_id, hwm_ids } }),
    { body: 'HWMBulkDeleteRequestV1' },
  ),
  /**
   * `GET /v1/namespaces/{id}/permissions` (OWNER): owner first.
   * @example `const { permissions } = await client.getNamespacePermissions(1)`
   */
  getNamespacePermissions: op<[namespaceId: number], PermissionsResponseV1>(
    'GET',
    '/v1/namespaces/{namespace_id}/permissions',
    (id) => ({ path: ns(id) }),
    nsPath,
  ),
  /**
   * `PATCH /v1/namespaces/{id}/permissions` (OWNER): `role: null` removes, `OWNER` transfers.
   * @example `await client.updateNamespacePermissions(1, { permissions: [{ username: 'bob', role: 'DEVELOPER' }] })`
   */
  updateNamespacePermissions: op<[namespaceId: number, data: PermissionsUpdateRequestV1], PermissionsResponseV1>(
    'PATCH',
    '/v1/namespaces/{namespace_id}/permissions',
    (id, body) => ({ path: ns(id), body }),
    { ...nsPath, body: 'PermissionsUpdateRequestV1' },
  ),
  /**
   * `GET /v1/hwm-history/`: an HWM's changes, newest first.
   * @example `const page = await client.paginateHwmHistory({ hwm_id: 5 })`
   */
  paginateHwmHistory: op<[query: HWMHistoryPaginateQueryV1], PageResponseV1<HWMHistoryResponseV1>>(
    'GET',
    '/v1/hwm-history/',
    (query) => ({ query: { ...query } }),
    { query: 'PaginateHwmHistoryQuery' },
  ),
}

/** The type of the operation table. */
export type Operations = typeof operations
/** The name of an operation, such as `'getHwm'`. */
export type OperationName = keyof Operations
/** Arguments of an operation, without the trailing options. */
export type OperationArgs<K extends OperationName> = Parameters<Operations[K]['parts']>
/** Answer of an operation. */
export type OperationResult<K extends OperationName> = Exclude<Operations[K]['_result'], undefined>
