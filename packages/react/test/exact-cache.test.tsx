/**
 * Values beyond 2^53 (int64 offsets, nanosecond timestamps) are `bigint` in the cache: TanStack's
 * structural sharing keeps an unchanged answer's identity and sees a changed digit, and nothing on
 * the cache's paths (keys, setQueryData, dehydrate, hydrate) throws on them.
 */
import type { HWMResponseV1 } from '@horizon-ts/core'
import { parseJson } from '@horizon-ts/core/json'
import { horizonKeys, horizonQueries } from '@horizon-ts/core/query'
import { useHwm } from '@horizon-ts/react'
import type { HorizonServer } from '@horizon-ts/server'
import { dehydrate, hashKey, hydrate, QueryClient } from '@tanstack/react-query'
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { clientFor, newQueryClient, startServer, unique, wrapperFor } from './harness.js'

const OFFSET = 1733080000123456789n
const TS = 18446744073709551616n // 2^64: beyond int64 as well

describe('the cache alone, with answers parsed exactly', () => {
  // An answer as the client parses it: the same text gives equal values, never the same objects.
  const answer = (ts: bigint, note = 'nightly') =>
    parseJson(`{"id": 1, "value": {"offset": ${OFFSET}, "ts": ${ts}, "meta": {"note": "${note}"}}}`) as {
      value: { offset: bigint; ts: bigint; meta: { note: string } }
    }
  const key = ['horizon', { baseUrl: 'http://h', user: 'etl' }, 'hwm', 'detail', 1]

  it('a refetch answering the same digits keeps the data object; a changed digit is seen', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const queryClient = new QueryClient()
    let next = answer(TS)
    // What the cache holds after a fetch (fetchQuery itself resolves with the queryFn's own answer).
    const fetchIt = async () => {
      await queryClient.fetchQuery({ queryKey: key, queryFn: () => next, staleTime: 0 })
      return queryClient.getQueryData(key) as ReturnType<typeof answer>
    }
    const first = await fetchIt()
    expect(first.value.offset).toBe(OFFSET)

    next = answer(TS)
    expect(next).not.toBe(first)
    expect(await fetchIt()).toBe(first) // same digits: the very same object, so no re-render

    next = answer(TS + 1n)
    const changed = await fetchIt()
    expect(changed).not.toBe(first)
    expect(changed.value.ts).toBe(18446744073709551617n)
    expect(changed.value.offset).toBe(OFFSET)
    expect(changed.value.meta).toBe(first.value.meta) // the unchanged parts stay shared
    expect(errors).not.toHaveBeenCalled() // replaceData logs there when structural sharing throws
    errors.mockRestore()
  })

  it('keys, setQueryData, dehydrate and hydrate take bigint data as it is', () => {
    const queryClient = new QueryClient()
    expect(hashKey(key)).toBe(JSON.stringify(key)) // keys hold ids and queries, never values
    queryClient.setQueryData(key, answer(TS))
    const state = dehydrate(queryClient)
    expect((state.queries[0]!.state.data as ReturnType<typeof answer>).value.ts).toBe(TS)
    // What does throw is JSON itself: the reason for serializeState (see ssr.test.tsx).
    expect(() => JSON.stringify(state)).toThrow(TypeError)

    const other = new QueryClient()
    hydrate(other, state)
    expect(other.getQueryData<ReturnType<typeof answer>>(key)?.value).toEqual(answer(TS).value)
  })
})

describe('the hooks against the dev server', () => {
  let server: HorizonServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.close())
  afterEach(cleanup)

  it('useHwm: an unchanged refetch keeps the reference, a changed bigint is shown exactly', async () => {
    const client = clientFor(server)
    const ns = await client.createNamespace({ name: unique('exact'), description: '' })
    const created = await client.createHwm({
      namespace_id: ns.id,
      name: 'kafka.offsets',
      type: 'key_value_int',
      value: { offset: OFFSET, ts: TS },
    })
    const queryClient = newQueryClient()
    const seen: Array<HWMResponseV1 | undefined> = []
    const { result } = renderHook(
      () => {
        const query = useHwm(created.id)
        seen.push(query.data)
        return query
      },
      { wrapper: wrapperFor(client, queryClient) },
    )
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    const first = result.current.data
    expect(first?.value).toEqual({ offset: OFFSET, ts: TS })

    const keys = horizonKeys(client)
    await act(() => queryClient.invalidateQueries({ queryKey: keys.hwm(created.id) }))
    expect(result.current.data).toBe(first)
    expect(new Set(seen.filter(Boolean)).size).toBe(1)

    // Another writer (not this cache) moves the timestamp by one nanosecond.
    await clientFor(server).updateHwm(created.id, { value: { offset: OFFSET, ts: TS + 1n } })
    await act(() => queryClient.invalidateQueries({ queryKey: keys.hwm(created.id) }))
    await waitFor(() => expect(result.current.data).not.toBe(first))
    expect(result.current.data?.value).toEqual({ offset: OFFSET, ts: TS + 1n })
    expect(queryClient.getQueryData(horizonQueries(client).hwm(created.id).queryKey)?.value).toEqual({
      offset: OFFSET,
      ts: 18446744073709551617n,
    })
  })
})
