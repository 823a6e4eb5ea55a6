/**
 * Horizon's request and response types, under the Python client's schema names.
 * All come from the generated OpenAPI types; nothing here restates a shape by hand.
 */
import type { JsonValue } from '../json/types.js'
import type { components, paths } from './generated/openapi.js'

type S = components['schemas']
/**
 * A `value` as the client reads and writes it: any JSON, with integers beyond 2^53 as `bigint`
 * (the schema says only "any JSON serializable value"). At run time a body may also hold what
 * JSON's own rules write (a `toJSON`, a class instance); NaN, cycles and the like are refused.
 */
type WithValue<T> = Omit<T, 'value'> & { value: JsonValue }

/** Answer of `GET /monitoring/ping`: `{ status: 'ok' }`. */
export type PingResponse = S['PingResponse']
/** Answer of `POST /v1/auth/token`: `access_token` and its `expires_at` (seconds since the epoch). */
export type AuthTokenResponseV1 = S['AuthTokenResponseV1']
/** `is_admin` is present (and true) only for a superadmin, as the real server answers. */
export type UserResponseV1 = S['UserResponseV1']
/** The current user as a superadmin sees it: `is_admin: true`. */
export type UserResponseV1WithAdmin = S['UserResponseV1WithAdmin']
/** Answer of `GET /v1/users/me`: the current user, with `is_admin` only for a superadmin. */
export type WhoamiResponseV1 = S['UserResponseV1WithAdmin'] | S['UserResponseV1']

/** A namespace: id, name, description, owner and who changed it when. */
export type NamespaceResponseV1 = S['NamespaceResponseV1']
/** Body of `POST /v1/namespaces/`: `name` and an optional `description`. */
export type NamespaceCreateRequestV1 = S['NamespaceCreateRequestV1']
/** Body of `PATCH /v1/namespaces/{id}`: the fields to change. */
export type NamespaceUpdateRequestV1 = S['NamespaceUpdateRequestV1']
/** One change of a namespace: the fields after it, its `action`, who and when. */
export type NamespaceHistoryResponseV1 = S['NamespaceHistoryResponseV1']
/** A role in a namespace: `DEVELOPER`, `MAINTAINER` or `OWNER`. */
export type NamespaceUserRole = S['NamespaceUserRole']

/** An HWM: its namespace, name, type, `value` (any JSON, big integers as `bigint`) and who changed it when. */
export type HWMResponseV1 = WithValue<S['HWMResponseV1']>
/** Body of `POST /v1/hwm/`: namespace, name, type and value, plus optional description and entity. */
export type HWMCreateRequestV1 = WithValue<S['HWMCreateRequestV1']>
/** Body of `PATCH /v1/hwm/{id}`: any subset of the fields, at least one. */
export type HWMUpdateRequestV1 = Omit<S['HWMUpdateRequestV1'], 'value'> & { value?: JsonValue }
/** One change of an HWM: the fields after it, its `action`, who and when. */
export type HWMHistoryResponseV1 = WithValue<S['HWMHistoryResponseV1']>
/** Answer of `POST /v1/hwm/copy`: the copies, in `hwms`. */
export type HWMListResponseV1 = Omit<S['HWMListResponseV1'], 'hwms'> & { hwms: HWMResponseV1[] }
/** Body of `POST /v1/hwm/copy`: source and target namespace, the HWM ids, `with_history`. */
export type HWMBulkCopyRequestV1 = S['HWMBulkCopyRequestV1']
/** Body of `DELETE /v1/hwm/`: the namespace and the HWM ids to delete. */
export type HWMBulkDeleteRequestV1 = S['HWMBulkDeleteRequestV1']

/** One user's role in a namespace. */
export type PermissionResponseItemV1 = S['PermissionResponseItemV1']
/** Answer of `GET /v1/namespaces/{id}/permissions`: every user's role, owner first. */
export type PermissionsResponseV1 = S['PermissionsResponseV1']
/** One change of permissions: a user and its new role, or `null` to remove it. */
export type PermissionUpdateRequestItemV1 = S['PermissionUpdateRequestItemV1']
/** Body of `PATCH /v1/namespaces/{id}/permissions`: the changes, in `permissions`. */
export type PermissionsUpdateRequestV1 = S['PermissionsUpdateRequestV1']

/** The `meta` of a page: `page`, `page_size`, `total_count`, `pages_count`, `has_next`/`next_page` and `has_previous`/`previous_page`. */
export type PageMetaResponseV1 = S['PageMetaResponseV1']
/** A page of items with its `meta`, as every paginated route answers. */
export interface PageResponseV1<T> {
  meta: PageMetaResponseV1
  items: T[]
}

/** The error envelope `{error: {code, message, details}}` of every application error. */
export interface HorizonErrorBody {
  error: { code: string; message: string; details: unknown }
}

/**
 * The query parameters of a `GET` route, as the client takes them: the generated ones, without
 * `null`. The document makes the optional filters nullable (Python's `str | None = None`), but a
 * query string cannot say null: the client would send the text `name=null`, a filter on the name
 * "null". Leave a filter out for "no filter"; a `string | null` in user code does not compile.
 */
type Query<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } }
  ? NoNull<NonNullable<Q>>
  : never
type NoNull<T> = { [K in keyof T]: Exclude<T[K], null> }

/** Query of `GET /v1/namespaces/`: optional `page`, `page_size` and exact `name`. */
export type NamespacePaginateQueryV1 = Query<'/v1/namespaces/'>
/** Query of `GET /v1/hwm/`: `namespace_id`, and optional `page`, `page_size` and exact `name`. */
export type HWMPaginateQueryV1 = Query<'/v1/hwm/'>
/** Query of `GET /v1/hwm-history/`: `hwm_id`, and optional `page` and `page_size`. */
export type HWMHistoryPaginateQueryV1 = Query<'/v1/hwm-history/'>
/** Query of `GET /v1/namespace-history/`: `namespace_id`, and optional `page` and `page_size`. */
export type NamespaceHistoryPaginateQueryV1 = Query<'/v1/namespace-history/'>
