import type { HorizonClient } from '@horizon-ts/core'
import {
  type HorizonMutations,
  type HorizonQueries,
  horizonKeys,
  horizonMutations,
  horizonQueries,
} from '@horizon-ts/core/query'
import { createContext, createElement, type ReactNode, useContext, useMemo, useSyncExternalStore } from 'react'

/** What the hooks read from the provider. */
export interface HorizonContextValue {
  client: HorizonClient
  queries: HorizonQueries
  mutations: HorizonMutations
}

const HorizonContext = createContext<HorizonContextValue | null>(null)

/** Props of {@link HorizonProvider}. */
export interface HorizonProviderProps {
  /** the client every hook below calls (required) */
  client: HorizonClient
  /** the app that uses the hooks */
  children?: ReactNode
}

/**
 * Gives the hooks their Horizon client. Place it inside the app's `QueryClientProvider`; the
 * hooks use that `QueryClient`, with keys scoped by the client's base URL and user.
 * @example
 * ```tsx
 * <QueryClientProvider client={queryClient}>
 *   <HorizonProvider client={new HorizonClient({ baseUrl: '/api' })}>
 *     <App />
 *   </HorizonProvider>
 * </QueryClientProvider>
 * ```
 */
export function HorizonProvider({ client, children }: HorizonProviderProps) {
  // The client says when its auth changes (useLogin, useLogout, or a setAuth of the app's own):
  // every provider of it, in every root, renders again under the new scope.
  const subscribe = useMemo(() => (listener: () => void) => client.onAuthChange(listener), [client])
  // The keys' common prefix, as text: the server and the user.
  const snapshot = () => JSON.stringify(horizonKeys(client).all())
  const scope = useSyncExternalStore(subscribe, snapshot, snapshot)
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new scope gives a new value, so every hook renders again under the new user's keys
  const value = useMemo(
    () => ({ client, queries: horizonQueries(client), mutations: horizonMutations(client) }),
    [client, scope],
  )
  // createElement rather than JSX: no import of react/jsx-runtime for one element.
  return createElement(HorizonContext.Provider, { value }, children)
}

/** The provider's value; throws outside a {@link HorizonProvider}. */
export function useHorizon(): HorizonContextValue {
  const value = useContext(HorizonContext)
  if (!value) throw new Error('Horizon hooks need a <HorizonProvider>')
  return value
}

/**
 * The client of the nearest {@link HorizonProvider}, for calls outside the hooks.
 * @example
 * ```tsx
 * const client = useHorizonClient()
 * const onExport = async () => { for await (const hwm of client.iterateHwm({ namespace_id: 1 })) save(hwm) }
 * ```
 */
export function useHorizonClient(): HorizonClient {
  return useHorizon().client
}
