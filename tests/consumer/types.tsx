// Type-checked against the installed tarballs with `skipLibCheck: false`, once with
// `moduleResolution: bundler` and once with `nodenext` (scripts/consumer.mjs). Each promise is
// asserted both ways: an exact type (Equal, which `any` fails) and a `@ts-expect-error` that
// `any` would leave unused; the positive lines fail on `unknown`.
import {
  EntityNotFoundError,
  HorizonClient,
  type HorizonError,
  type HWMResponseV1,
  LoginPassword,
  type PageResponseV1,
} from '@horizon-ts/core'
import { type ValidationIssue, validate } from '@horizon-ts/core/constraints'
import { type JsonValue, type parseJson, stringifyJson } from '@horizon-ts/core/json'
import { type HorizonKey, horizonKeys, horizonQueries } from '@horizon-ts/core/query'
import { checkResponse } from '@horizon-ts/core/schemas'
import { HorizonProvider, useHwm, useHwmPage, useUpdateHwm } from '@horizon-ts/react'
import { type HorizonServer, startHorizonServer } from '@horizon-ts/server'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
function expectType<_ extends true>(): void {}

const client = new HorizonClient({
  baseUrl: 'http://127.0.0.1:8000',
  auth: new LoginPassword({ login: 'me', password: 'x' }),
})
const queryClient = new QueryClient()
const keys = horizonKeys(client)

// Typed keys: getQueryData/setQueryData know the data of each key.
const cached = queryClient.getQueryData(keys.hwm(5))
expectType<Equal<typeof cached, HWMResponseV1 | undefined>>()
export const name: string | undefined = cached?.name
// @ts-expect-error an HWM's name is a string (unused if `cached` were any)
export const wrongName: number | undefined = cached?.name
queryClient.setQueryData(keys.hwm(5), cached)
// @ts-expect-error the key carries its data type: 42 is no HWM
queryClient.setQueryData(keys.hwm(5), 42)
const page = queryClient.getQueryData(keys.hwmPage({ namespace_id: 1 }))
expectType<Equal<typeof page, PageResponseV1<HWMResponseV1> | undefined>>()
expectType<Equal<ReturnType<typeof keys.hwm>, HorizonKey<HWMResponseV1>>>()

// Exact values: JsonValue holds bigint; what JSON cannot carry is refused.
expectType<Equal<HWMResponseV1['value'], JsonValue>>()
export const offset: JsonValue = { offset: 1733080000123456789n, list: [1, 'a', null, true] }
// @ts-expect-error a function is not JSON
export const notJson: JsonValue = { f: () => 1 }
if (typeof cached?.value === 'bigint') {
  const next: bigint = cached.value + 1n
  void client.updateHwm(5, { value: next })
}
// @ts-expect-error a Symbol is not JSON
void client.updateHwm(5, { value: Symbol('x') })
expectType<Equal<ReturnType<typeof parseJson>, unknown>>()
export const text: string = stringifyJson({ offset: 1733080000123456789n })

// Errors are classes with their fields.
async function read(): Promise<number | undefined> {
  try {
    return (await client.getHwm(1)).id
  } catch (e) {
    if (e instanceof EntityNotFoundError) return e.status
    throw e
  }
}
void read

// Query options give useQuery the data and the error type.
function Direct() {
  const q = useQuery(horizonQueries(client).hwm(5))
  expectType<Equal<typeof q.data, HWMResponseV1 | undefined>>()
  expectType<Equal<typeof q.error, HorizonError | null>>()
  return null
}

// Hooks: data, select, error, mutation variables.
function Hwm({ id }: { id: number }) {
  const { data, error } = useHwm(id)
  expectType<Equal<typeof data, HWMResponseV1 | undefined>>()
  expectType<Equal<typeof error, HorizonError | null>>()
  // @ts-expect-error data is undefined until loaded (unused if `data` were any)
  data.name
  // @ts-expect-error a HorizonError has no such field (unused if `error` were any)
  error?.noSuchField
  const status: number | undefined = error?.status
  const value = useHwm(id, { select: (h) => h.value })
  expectType<Equal<typeof value.data, JsonValue | undefined>>()
  const list = useHwmPage({ namespace_id: 1, page_size: 20 })
  expectType<Equal<typeof list.data, PageResponseV1<HWMResponseV1> | undefined>>()
  const update = useUpdateHwm({ optimistic: true })
  update.mutate([id, { value: 1733080000123456789n }])
  // @ts-expect-error a function is not a JSON value
  update.mutate([id, { value: () => 1 }])
  expectType<Equal<typeof update.error, HorizonError | null>>()
  return (
    <p>
      {data?.name} {status} {stringifyJson(data?.value)}
    </p>
  )
}

export const app = (
  <QueryClientProvider client={queryClient}>
    <HorizonProvider client={client}>
      <Hwm id={5} />
      <Direct />
    </HorizonProvider>
  </QueryClientProvider>
)

// The other entries and the server.
export const issues: ValidationIssue[] = [
  ...checkResponse('getHwm', {}),
  ...validate('HWMCreateRequestV1', {}, 'body').issues,
]
export async function serve(): Promise<string> {
  const server: HorizonServer = await startHorizonServer({ port: 0, seed: 'demo' })
  server.faults.add({ path: '/v1/hwm/', kind: 'status', status: 503 })
  // @ts-expect-error no such seed
  await startHorizonServer({ seed: 'nope' })
  await server.close()
  return server.url
}
