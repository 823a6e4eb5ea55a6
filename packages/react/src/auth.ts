import {
  type AuthStrategy,
  type HorizonClient,
  type HorizonError,
  LoginPassword,
  type WhoamiResponseV1,
} from '@horizon-ts/core'
import { horizonKeys } from '@horizon-ts/core/query'
import { type QueryClient, type UseMutationOptions, useMutation } from '@tanstack/react-query'
import { useHorizon } from './context.js'

/** What `useLogin().mutate` takes: a login and password, or a ready strategy (a pasted token, say). */
export type LoginVariables = { login: string; password: string } | { auth: AuthStrategy }

/** Drops every cached read of the client's current user (and cancels those in flight). */
async function forget(queryClient: QueryClient, client: HorizonClient): Promise<void> {
  const queryKey = horizonKeys(client).all()
  await queryClient.cancelQueries({ queryKey })
  queryClient.removeQueries({ queryKey })
}

type Options<TData, TVariables> = Omit<UseMutationOptions<TData, HorizonError, TVariables>, 'mutationFn'>

/**
 * Logs in with a login and password (or with a ready auth strategy, such as an `AccessToken`):
 * the credentials are checked first (a failure leaves the current user in place), then the client
 * gets the new strategy, the previous user's cache is dropped, the hooks render again under the
 * new user's keys, and `data` is the new user.
 * @example
 * ```tsx
 * const login = useLogin()
 * <form onSubmit={(e) => { e.preventDefault(); login.mutate({ login: name, password }) }}>…</form>
 * login.mutate({ auth: new AccessToken(pastedToken) })
 * {login.error && <p>{login.error.message}</p>}
 * ```
 */
export function useLogin(options?: Options<WhoamiResponseV1, LoginVariables>) {
  const { client, queries } = useHorizon()
  return useMutation<WhoamiResponseV1, HorizonError, LoginVariables>({
    retry: false,
    mutationFn: async (vars, { client: queryClient }) => {
      const auth = 'auth' in vars ? vars.auth : new LoginPassword(vars)
      const probe = client.with({ auth })
      // A password is checked by logging in; a token only by a call the server accepts.
      if ('auth' in vars) await probe.whoami()
      else await probe.authorize()
      await forget(queryClient, client)
      // The new user's entries may be left from an earlier session: start clean (the copy has the
      // new user's scope), before setAuth renders the providers under it.
      await forget(queryClient, probe)
      client.setAuth(auth)
      return queryClient.fetchQuery(queries.whoami())
    },
    ...options,
  })
}

/**
 * Logs out: forgets the token and the strategy (so no call logs in again silently), drops the
 * user's cache, and renders the hooks again as anonymous.
 * @example
 * ```tsx
 * const logout = useLogout()
 * <button onClick={() => logout.mutate()}>Log out</button>
 * ```
 */
export function useLogout(options?: Options<void, void>) {
  const { client } = useHorizon()
  return useMutation<void, HorizonError, void>({
    retry: false,
    mutationFn: async (_, { client: queryClient }) => {
      await forget(queryClient, client)
      client.logout()
      client.setAuth(undefined)
    },
    ...options,
  })
}
