/**
 * Every row of a list, a page of 50 at a time, with how many there are: the first page is read
 * on its own for its `total_count` (the progress "scanned 120 of 5,000"), the rest through the
 * core's iterator (`iterateHwm` / `iterateNamespaces`) from page 2.
 */
import type { HorizonClient, HWMResponseV1, NamespaceResponseV1 } from '@horizon-ts/core'

/** A batch of rows, and how many the list holds in all (as its first page said). */
export interface ScanBatch<T> {
  items: T[]
  total: number
}

/** Rows are handed on in batches of this many, so progress re-renders once a page, not once a row. */
const BATCH = 50

async function* batched<T>(
  first: { items: T[]; meta: { total_count: number; has_next: boolean } },
  rest: () => AsyncIterable<T>,
) {
  const total = first.meta.total_count
  yield { items: first.items, total }
  if (!first.meta.has_next) return
  let items: T[] = []
  for await (const item of rest()) {
    items.push(item)
    if (items.length === BATCH) {
      yield { items, total }
      items = []
    }
  }
  if (items.length) yield { items, total }
}

/** A namespace's HWMs, in batches. `signal` stops the walk (and the request in flight). */
export async function* scanHwms(
  client: HorizonClient,
  namespaceId: number,
  signal: AbortSignal,
): AsyncGenerator<ScanBatch<HWMResponseV1>> {
  const query = { namespace_id: namespaceId, page_size: BATCH }
  const first = await client.call('paginateHwm', [{ ...query, page: 1 }], { signal })
  yield* batched(first, () => client.iterateHwm({ ...query, page: 2 }, { signal }))
}

/** Every namespace, in batches. */
export async function* scanNamespaces(
  client: HorizonClient,
  signal: AbortSignal,
): AsyncGenerator<ScanBatch<NamespaceResponseV1>> {
  const query = { page_size: BATCH }
  const first = await client.call('paginateNamespaces', [{ ...query, page: 1 }], { signal })
  yield* batched(first, () => client.iterateNamespaces({ ...query, page: 2 }, { signal }))
}
