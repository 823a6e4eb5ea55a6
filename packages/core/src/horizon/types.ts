/**
 * Horizon's request and response types, under the Python client's schema names.
 * All come from the generated OpenAPI types; nothing here restates a shape by hand.
 */
import type { JsonValue } from '../json/types.js'
import type { components } from './generated/openapi.js'

type S = components['schemas']
/**
 * A `value` as the client reads and writes it: any JSON, with integers beyond 2^53 as `bigint`
 * (the schema says only "any JSON serializable value"). At run time a body may also hold what
 * JSON's own rules write (a `toJSON`, a class instance); NaN, cycles and the like are refused.
 */
type WithValue<T> = Omit<T, 'value'> & { value: JsonValue }

export type PingResponse = S['PingResponse']
export type AuthTokenResponseV1 = S['AuthTokenResponseV1']
/** `is_admin` is present (and true) only for a superadmin, as the real server answers. */
export type UserResponseV1 = S['UserResponseV1']
export type UserResponseV1WithAdmin = S['UserResponseV1WithAdmin']
export type WhoamiResponseV1 = S['UserResponseV1WithAdmin'] | S['UserResponseV1']

export type NamespaceResponseV1 = S['NamespaceResponseV1']
export type NamespaceCreateRequestV1 = S['NamespaceCreateRequestV1']
export type NamespaceUpdateRequestV1 = S['NamespaceUpdateRequestV1']
export type NamespaceHistoryResponseV1 = S['NamespaceHistoryResponseV1']
export type NamespaceUserRole = S['NamespaceUserRole']

export type HWMResponseV1 = WithValue<S['HWMResponseV1']>
export type HWMCreateRequestV1 = WithValue<S['HWMCreateRequestV1']>
export type HWMUpdateRequestV1 = Omit<S['HWMUpdateRequestV1'], 'value'> & { value?: JsonValue }
export type HWMHistoryResponseV1 = WithValue<S['HWMHistoryResponseV1']>
export type HWMListResponseV1 = Omit<S['HWMListResponseV1'], 'hwms'> & { hwms: HWMResponseV1[] }
export type HWMBulkCopyRequestV1 = S['HWMBulkCopyRequestV1']
export type HWMBulkDeleteRequestV1 = S['HWMBulkDeleteRequestV1']

export type PermissionResponseItemV1 = S['PermissionResponseItemV1']
export type PermissionsResponseV1 = S['PermissionsResponseV1']
export type PermissionUpdateRequestItemV1 = S['PermissionUpdateRequestItemV1']
export type PermissionsUpdateRequestV1 = S['PermissionsUpdateRequestV1']

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

/** Query of `GET /v1/namespaces/`. */
export interface NamespacePaginateQueryV1 {
  page?: number
  page_size?: number
  name?: string
}
/** Query of `GET /v1/hwm/`. */
export interface HWMPaginateQueryV1 {
  namespace_id: number
  page?: number
  page_size?: number
  name?: string
}
/** Query of `GET /v1/hwm-history/`. */
export interface HWMHistoryPaginateQueryV1 {
  hwm_id: number
  page?: number
  page_size?: number
}
/** Query of `GET /v1/namespace-history/`. */
export interface NamespaceHistoryPaginateQueryV1 {
  namespace_id: number
  page?: number
  page_size?: number
}
