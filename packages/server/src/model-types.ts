/**
 * What each model of the constraint table validates to: the request types of `@horizon-ts/core`,
 * with the defaults `validate` fills in (a page query always has `page` and `page_size`).
 */
import type {
  HWMBulkCopyRequestV1,
  HWMBulkDeleteRequestV1,
  HWMCreateRequestV1,
  HWMHistoryPaginateQueryV1,
  HWMPaginateQueryV1,
  HWMUpdateRequestV1,
  NamespaceCreateRequestV1,
  NamespaceHistoryPaginateQueryV1,
  NamespacePaginateQueryV1,
  NamespaceUpdateRequestV1,
  OperationName,
  PermissionsUpdateRequestV1,
} from '@horizon-ts/core'
import type { ChecksOf, ModelName } from '@horizon-ts/core/constraints'
import type { PageQuery } from './paging.js'

type Part = 'path' | 'query' | 'body' | 'form'
type Named<C, P extends string> = C extends { readonly [_ in P]: infer M extends ModelName } ? M : never
/** Every model some row of the operation table names (an optional `checks` key names none). */
type RowModel = { [K in OperationName]: { [P in Part]: Named<ChecksOf<K>, P> }[Part] }[OperationName]

/** Holds the map to every model a row names: a row naming one this map lacks does not compile. */
type EveryModel<T extends Record<RowModel, unknown>> = T

export type ModelTypes = EveryModel<{
  PaginateNamespacesQuery: NamespacePaginateQueryV1 & PageQuery
  PaginateHwmQuery: HWMPaginateQueryV1 & PageQuery
  PaginateHwmHistoryQuery: HWMHistoryPaginateQueryV1 & PageQuery
  PaginateNamespaceHistoryQuery: NamespaceHistoryPaginateQueryV1 & PageQuery
  NamespacePath: { namespace_id: number }
  HwmPath: { hwm_id: number }
  LoginForm: { grant_type?: string | null; username: string; password: string }
  NamespaceCreateRequestV1: NamespaceCreateRequestV1
  NamespaceUpdateRequestV1: NamespaceUpdateRequestV1
  HWMCreateRequestV1: HWMCreateRequestV1
  HWMUpdateRequestV1: HWMUpdateRequestV1
  HWMBulkCopyRequestV1: HWMBulkCopyRequestV1
  HWMBulkDeleteRequestV1: HWMBulkDeleteRequestV1
  PermissionsUpdateRequestV1: PermissionsUpdateRequestV1
}>
