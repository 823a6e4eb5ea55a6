/** useLogin / useLogout: a user switch or a logout drops that client's cache and renders the new user. */
import {
  AuthorizationError,
  BearerToken,
  HorizonClient as Client,
  type HorizonClient,
  LoginPassword,
} from '@horizon-ts/core'
import { horizonKeys } from '@horizon-ts/core/query'
import { useLogin, useLogout, useNamespaces, useWhoami } from '@horizon-ts/react'
import type { HorizonServer } from '@horizon-ts/server'
import type { QueryClient } from '@tanstack/react-query'
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { clientFor, newQueryClient, Providers, startServer, wrapperFor } from './harness.js'

let server: HorizonServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())
afterEach(cleanup)

function Me() {
  const me = useWhoami()
  useNamespaces()
  return <p data-testid="me">{me.data?.username ?? me.error?.name ?? '…'}</p>
}

/** Entries of the cache that belong to `user` on this server. */
const entriesOf = (queryClient: QueryClient, user: string | null) =>
  queryClient.getQueryCache().findAll({ queryKey: ['horizon', { baseUrl: server.url, user }] }).length

async function setup(client: HorizonClient = clientFor(server, 'alice')) {
  const queryClient = newQueryClient()
  render(
    <Providers client={client} queryClient={queryClient}>
      <Me />
    </Providers>,
  )
  await waitFor(() => expect(screen.getByTestId('me').textContent).toBe('alice'))
  // The login and logout hooks live in another root: every provider of the client follows.
  const wrapper = wrapperFor(client, queryClient)
  const login = renderHook(() => useLogin(), { wrapper }).result
  const logout = renderHook(() => useLogout(), { wrapper }).result
  return { client, queryClient, login, logout }
}

it("switching user drops the previous user's cache and renders the new user", async () => {
  const { client, queryClient, login } = await setup()
  expect(entriesOf(queryClient, 'alice')).toBe(2)
  await act(() => login.current.mutateAsync({ login: 'bob', password: 'pw' }))
  await waitFor(() => expect(login.current.data?.username).toBe('bob'))
  await waitFor(() => expect(screen.getByTestId('me').textContent).toBe('bob'))
  expect(entriesOf(queryClient, 'alice')).toBe(0)
  expect(entriesOf(queryClient, 'bob')).toBe(2)
  expect(horizonKeys(client).all()).toEqual(['horizon', { baseUrl: server.url, user: 'bob' }])
})

it('logging out drops the cache; reads go out anonymous (401)', async () => {
  const { client, queryClient, logout } = await setup()
  await act(() => logout.current.mutateAsync())
  expect(entriesOf(queryClient, 'alice')).toBe(0)
  expect(client.options.auth).toBeUndefined()
  await waitFor(() => expect(screen.getByTestId('me').textContent).toBe('AuthorizationError'))
})

it('logging in from anonymous', async () => {
  const { client, queryClient, logout, login } = await setup()
  await act(() => logout.current.mutateAsync())
  await waitFor(() => expect(screen.getByTestId('me').textContent).toBe('AuthorizationError'))
  await act(() => login.current.mutateAsync({ login: 'alice', password: 'pw' }))
  await waitFor(() => expect(screen.getByTestId('me').textContent).toBe('alice'))
  expect(entriesOf(queryClient, null)).toBe(0)
  expect(client.options.auth).toBeInstanceOf(LoginPassword)
})

it('a failed login keeps the current user and its cache', async () => {
  const { client, queryClient, login } = await setup()
  await act(() => login.current.mutateAsync({ login: 'bob', password: '' }).catch(() => {}))
  await waitFor(() => expect(login.current.error).toBeInstanceOf(AuthorizationError))
  expect(entriesOf(queryClient, 'alice')).toBe(2)
  expect(screen.getByTestId('me').textContent).toBe('alice')
  expect((client.options.auth as LoginPassword).login).toBe('alice')
})

it('two clients of different servers or users never share entries', () => {
  const a = horizonKeys(new Client({ baseUrl: 'http://h/', auth: new LoginPassword({ login: 'a', password: 'x' }) }))
  const b = horizonKeys(new Client({ baseUrl: 'http://h', auth: new LoginPassword({ login: 'b', password: 'x' }) }))
  const c = horizonKeys(new Client({ baseUrl: 'http://other', auth: new LoginPassword({ login: 'a', password: 'x' }) }))
  expect(new Set([a.hwm(1), b.hwm(1), c.hwm(1)].map((k) => JSON.stringify(k))).size).toBe(3)
  expect(newQueryClient()).toBeDefined()
})

it('logging in with a ready strategy (a token) checks it with the server first', async () => {
  const { client, queryClient, login } = await setup()
  const token = (await new Client({ baseUrl: server.url }).login('carol', 'pw')).access_token
  await act(() => login.current.mutateAsync({ auth: new BearerToken('not-a-token') }).catch(() => {}))
  await waitFor(() => expect(login.current.error).toBeInstanceOf(AuthorizationError))
  expect(screen.getByTestId('me').textContent).toBe('alice')
  const auth = new BearerToken(token)
  await act(() => login.current.mutateAsync({ auth }))
  await waitFor(() => expect(screen.getByTestId('me').textContent).toBe('carol'))
  expect(client.options.auth).toBe(auth)
  expect(entriesOf(queryClient, 'alice')).toBe(0)
})

it('client.setAuth outside the hooks renders every provider again, as the new user (client.onAuthChange)', async () => {
  const { client } = await setup()
  act(() => client.setAuth(new LoginPassword({ login: 'carol', password: 'pw' })))
  await waitFor(() => expect(screen.getByTestId('me').textContent).toBe('carol'))
})
