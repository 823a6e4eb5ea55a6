import type {
  AuthStrategy,
  HorizonError,
  HWMHistoryResponseV1,
  HWMListResponseV1,
  HWMResponseV1,
  JsonValue,
  NamespaceResponseV1,
  PageResponseV1,
  PermissionsResponseV1,
  WhoamiResponseV1,
} from '@horizon-ts/core'
import {
  deserializeState,
  type HorizonQueries,
  horizonKeys,
  horizonQueries,
  type Pages,
  serializeState,
} from '@horizon-ts/core/query'
import {
  useBulkCopyHwm,
  useBulkDeleteHwm,
  useCreateHwm,
  useCreateNamespace,
  useDeleteHwm,
  useHorizonClient,
  useHorizonInfiniteQuery,
  useHorizonMutation,
  useHorizonQuery,
  useHorizonSuspenseQuery,
  useHwm,
  useHwmHistory,
  useHwmHistoryInfinite,
  useHwmInfinite,
  useHwmPage,
  useLogin,
  useLogout,
  useNamespace,
  useNamespacePermissions,
  useNamespaces,
  usePing,
  useSuspenseHwm,
  useSuspenseNamespaces,
  useUpdateHwm,
  useUpdateNamespace,
  useWhoami,
} from '@horizon-ts/react'
import {
  type DehydratedState,
  dehydrate,
  type HydrationBoundary,
  type QueryClient,
  useQuery,
  useSuspenseQuery,
} from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'

describe('query hooks', () => {
  it('data and error types', () => {
    expectTypeOf(useHwm(1).data).toEqualTypeOf<HWMResponseV1 | undefined>()
    expectTypeOf(useHwm(1).error).toEqualTypeOf<HorizonError | null>()
    expectTypeOf(useNamespace(1).data).toEqualTypeOf<NamespaceResponseV1 | undefined>()
    expectTypeOf(useNamespaces().data).toEqualTypeOf<PageResponseV1<NamespaceResponseV1> | undefined>()
    expectTypeOf(useHwmPage({ namespace_id: 1 }).data).toEqualTypeOf<PageResponseV1<HWMResponseV1> | undefined>()
    expectTypeOf(useNamespacePermissions(1).data).toEqualTypeOf<PermissionsResponseV1 | undefined>()
    expectTypeOf(useWhoami().data).toEqualTypeOf<WhoamiResponseV1 | undefined>()
    expectTypeOf(usePing({ refetchInterval: 1000 }).error).toEqualTypeOf<HorizonError | null>()
  })

  it('select changes the data type', () => {
    expectTypeOf(useHwm(1, { select: (h) => h.name }).data).toEqualTypeOf<string | undefined>()
    expectTypeOf(useNamespaces({ page: 2 }, { select: (p) => p.items.length }).data).toEqualTypeOf<number | undefined>()
  })

  it('takes TanStack options, refuses the key, the fetcher and wrong arguments', () => {
    useHwm(1, { enabled: false, staleTime: 0, refetchOnWindowFocus: false })
    // @ts-expect-error the key comes from the factory
    useHwm(1, { queryKey: ['x'] })
    // @ts-expect-error an HWM id is a number
    useHwm('1')
    // @ts-expect-error the HWM list needs its namespace
    useHwmPage({})
  })

  it('suspense hooks have data always', () => {
    expectTypeOf(useSuspenseHwm(1).data).toEqualTypeOf<HWMResponseV1>()
    expectTypeOf(useSuspenseNamespaces(undefined, { select: (p) => p.items }).data).toEqualTypeOf<
      NamespaceResponseV1[]
    >()
    expectTypeOf(useSuspenseHwm(1).error).toEqualTypeOf<HorizonError | null>()
  })

  it('infinite hooks have pages', () => {
    expectTypeOf(useHwmInfinite({ namespace_id: 1 }).data).toEqualTypeOf<Pages<HWMResponseV1> | undefined>()
    expectTypeOf(useHwmHistoryInfinite({ hwm_id: 1 }).data?.pages[0]?.items).toEqualTypeOf<
      HWMHistoryResponseV1[] | undefined
    >()
    expectTypeOf(
      useHwmInfinite({ namespace_id: 1 }, { select: (d) => d.pages.flatMap((p) => p.items) }).data,
    ).toEqualTypeOf<HWMResponseV1[] | undefined>()
    expectTypeOf(useHwmInfinite({ namespace_id: 1 }).error).toEqualTypeOf<HorizonError | null>()
  })
})

describe('mutation hooks', () => {
  it('variables are the core method arguments; data its answer; error HorizonError', () => {
    const update = useUpdateHwm({ optimistic: true })
    expectTypeOf(update.mutate)
      .parameter(0)
      .toEqualTypeOf<[hwmId: number, data: import('@horizon-ts/core').HWMUpdateRequestV1]>()
    expectTypeOf(update.data).toEqualTypeOf<HWMResponseV1 | undefined>()
    expectTypeOf(update.error).toEqualTypeOf<HorizonError | null>()
    expectTypeOf(useDeleteHwm().mutate).parameter(0).toEqualTypeOf<number>()
    expectTypeOf(useBulkDeleteHwm().mutate).parameter(0).toEqualTypeOf<[namespaceId: number, hwmIds: number[]]>()
    expectTypeOf(useBulkCopyHwm().data).toEqualTypeOf<HWMListResponseV1 | undefined>()
    useCreateNamespace().mutate({ name: 'x', description: '' })
    useUpdateNamespace({ onSuccess: (ns) => expectTypeOf(ns).toEqualTypeOf<NamespaceResponseV1>() })
  })

  it('optimistic only where offered', () => {
    // @ts-expect-error updateNamespace has no optimistic mode
    useUpdateNamespace({ optimistic: true })
  })

  it('login and logout', () => {
    expectTypeOf(useLogin().mutate)
      .parameter(0)
      .toEqualTypeOf<{ login: string; password: string } | { auth: AuthStrategy }>()
    expectTypeOf(useLogin().data).toEqualTypeOf<WhoamiResponseV1 | undefined>()
    useLogout().mutate()
  })
})

describe('factories with TanStack directly', () => {
  it('useQuery, useSuspenseQuery and the QueryClient infer data and error', () => {
    const q: HorizonQueries = horizonQueries(useHorizonClient())
    expectTypeOf(useQuery(q.hwm(1)).data).toEqualTypeOf<HWMResponseV1 | undefined>()
    expectTypeOf(useQuery(q.hwm(1)).error).toEqualTypeOf<HorizonError | null>()
    expectTypeOf(useSuspenseQuery(q.namespace(1)).data).toEqualTypeOf<NamespaceResponseV1>()
    const queryClient = {} as QueryClient
    expectTypeOf(queryClient.ensureQueryData(q.hwm(1))).resolves.toEqualTypeOf<HWMResponseV1>()
    expectTypeOf(queryClient.fetchInfiniteQuery(q.hwmInfinite({ namespace_id: 1 }))).resolves.toEqualTypeOf<
      Pages<HWMResponseV1>
    >()
    expectTypeOf(queryClient.getQueryData(horizonKeys(useHorizonClient()).hwm(1))).toEqualTypeOf<
      HWMResponseV1 | undefined
    >()
  })
})

describe('values are JSON, with bigint beyond 2^53', () => {
  it('data.value is a JsonValue: a bigint is one of its cases, usable as a bigint', () => {
    expectTypeOf(useHwm(1).data?.value).toEqualTypeOf<JsonValue | undefined>()
    expectTypeOf(useHwm(1, { select: (h) => h.value }).data).toEqualTypeOf<JsonValue | undefined>()
    expectTypeOf(useHwmHistory({ hwm_id: 1 }).data?.items[0]?.value).toEqualTypeOf<JsonValue | undefined>()
    expectTypeOf<bigint>().toExtend<HWMResponseV1['value']>()
    expectTypeOf<{ offset: bigint; ts: bigint }>().toExtend<HWMResponseV1['value']>()
    const value = useSuspenseHwm(1).data.value
    if (typeof value === 'bigint') expectTypeOf(value + 1n).toEqualTypeOf<bigint>()
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const offset = value.offset
      if (typeof offset === 'bigint') expectTypeOf(offset).toEqualTypeOf<bigint>()
      expectTypeOf(offset).toEqualTypeOf<JsonValue | undefined>()
    }
  })

  it('a bigint can be sent back; what is not JSON cannot', () => {
    useUpdateHwm().mutate([1, { value: { offset: 1733080000123456789n, ts: 18446744073709551616n } }])
    useUpdateHwm({ optimistic: true }).mutate([1, { value: 1733080000123456789n }])
    useCreateHwm().mutate({ namespace_id: 1, name: 'offsets', type: 'int', value: [1n, 2, '3'] })
    // @ts-expect-error a function is not JSON
    useUpdateHwm().mutate([1, { value: () => 1 }])
    // @ts-expect-error undefined is not JSON
    useCreateHwm().mutate({ namespace_id: 1, name: 'offsets', type: 'int', value: [undefined] })
  })

  it('serializeState takes a dehydrated state; deserializeState gives one HydrationBoundary takes', () => {
    expectTypeOf(serializeState(dehydrate({} as QueryClient))).toEqualTypeOf<string>()
    expectTypeOf(deserializeState('{}')).toEqualTypeOf<DehydratedState>()
    expectTypeOf(deserializeState('{}')).toExtend<Parameters<typeof HydrationBoundary>[0]['state']>()
    // @ts-expect-error the state, not any value
    serializeState({ value: 1n })
  })

  it('the generic hooks take a read or write by name and type it as its named hook', () => {
    expectTypeOf(useHorizonQuery('hwm', 1).data).toEqualTypeOf<HWMResponseV1 | undefined>()
    expectTypeOf(useHorizonQuery('hwm', 1, { select: (h) => h.name }).data).toEqualTypeOf<string | undefined>()
    expectTypeOf(useHorizonSuspenseQuery('namespace', 1).data).toEqualTypeOf<NamespaceResponseV1>()
    expectTypeOf(useHorizonInfiniteQuery('hwmInfinite', { namespace_id: 1 }).data).toEqualTypeOf<
      Pages<HWMResponseV1> | undefined
    >()
    useHorizonMutation('updateHwm', { optimistic: true }).mutate([1, { value: 2 }])
    // @ts-expect-error not a read
    useHorizonQuery('updateHwm', 1)
    // @ts-expect-error the arguments of the read
    useHorizonQuery('hwm', 'one')
    // @ts-expect-error optimistic only where a row has a preview
    useHorizonMutation('deleteHwm', { optimistic: true })
  })
})
