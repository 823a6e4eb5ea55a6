/**
 * The query types are derived from the generated OpenAPI types: the same shapes as before, with
 * the document's nullable filters taken as plain strings (a query string cannot say null).
 */
import { describe, expectTypeOf, it } from 'vitest'
import type {
  HWMHistoryPaginateQueryV1,
  HWMPaginateQueryV1,
  NamespaceHistoryPaginateQueryV1,
  NamespacePaginateQueryV1,
} from '../src/horizon/types.js'

describe('query types (derived from the generated operations)', () => {
  it('keep their shapes: optional page, page_size and name; required ids; name without null', () => {
    expectTypeOf<NamespacePaginateQueryV1>().toEqualTypeOf<{ page?: number; page_size?: number; name?: string }>()
    expectTypeOf<HWMPaginateQueryV1>().toEqualTypeOf<{
      page?: number
      page_size?: number
      namespace_id: number
      name?: string
    }>()
    expectTypeOf<HWMHistoryPaginateQueryV1>().toEqualTypeOf<{ page?: number; page_size?: number; hwm_id: number }>()
    expectTypeOf<NamespaceHistoryPaginateQueryV1>().toEqualTypeOf<{
      page?: number
      page_size?: number
      namespace_id: number
    }>()
    // @ts-expect-error: a null filter would be sent as the text "null"
    const nullName: NamespacePaginateQueryV1 = { name: null }
    void nullName
  })
})
