// CommonJS TypeScript (`module: nodenext`): require() of the ESM-only core, which TypeScript ≥ 5.8
// types as Node ≥ 20.19 runs it, and of the react package's CommonJS build.
import core = require('@horizon-ts/core')
import json = require('@horizon-ts/core/json')
import query = require('@horizon-ts/core/query')
import react = require('@horizon-ts/react')
import reactQuery = require('@tanstack/react-query')

// The core's typed keys are tagged with TanStack's ESM declarations (the core is ESM): a CommonJS
// file takes QueryClient's type in import mode for getQueryData to see the tag.
import type { QueryClient } from '@tanstack/query-core' with { 'resolution-mode': 'import' }

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

const client = new core.HorizonClient({ baseUrl: 'http://127.0.0.1:8000' })
declare const queryClient: QueryClient
const cached = queryClient.getQueryData(query.horizonKeys(client).hwm(5))
export const typedKey: Equal<typeof cached, core.HWMResponseV1 | undefined> = true
// @ts-expect-error a number is no HWM
queryClient.setQueryData(query.horizonKeys(client).hwm(5), 42)
export const big: json.JsonValue = 1733080000123456789n

export function Hwm({ id }: { id: number }): string {
  const { data, error } = react.useHwm(id)
  const typed: Equal<typeof data, core.HWMResponseV1 | undefined> & Equal<typeof error, core.HorizonError | null> = true
  // @ts-expect-error data is undefined until loaded
  data.name
  return `${typed} ${reactQuery.useIsFetching()}`
}
