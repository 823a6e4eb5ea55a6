/** The key hierarchy: scoped per server and user, and every invalidation one prefix. */
import { QueryClient } from '@tanstack/query-core'
import { describe, expect, it } from 'vitest'
import { horizonKeys, horizonScope } from '../src/entries/query.js'
import { BearerToken, HorizonClient, LoginPassword } from '../src/index.js'

const client = (baseUrl: string, login?: string) =>
  new HorizonClient({ baseUrl, auth: login ? new LoginPassword({ login, password: 'x' }) : undefined })

describe('scope', () => {
  it('is the base URL without trailing slashes and the login', () => {
    expect(horizonScope(client('http://h/api//', 'me'))).toEqual({ baseUrl: 'http://h/api', user: 'me' })
    expect(horizonScope(client('http://h'))).toEqual({ baseUrl: 'http://h', user: null })
  })

  it('tells apart strategies that do not name their user, and keeps each one stable', () => {
    const a = new HorizonClient({ baseUrl: 'http://h', auth: new BearerToken('a') })
    const b = new HorizonClient({ baseUrl: 'http://h', auth: new BearerToken('b') })
    expect(horizonScope(a).user).not.toBe(horizonScope(b).user)
    expect(horizonScope(a)).toEqual(horizonScope(a.with({ headers: { x: '1' } })))
  })

  it('follows the client: a new strategy, a new scope', () => {
    const c = client('http://h', 'alice')
    const keys = horizonKeys(c)
    c.options.auth = new LoginPassword({ login: 'bob', password: 'x' })
    expect(keys.all()).toEqual(['horizon', { baseUrl: 'http://h', user: 'bob' }])
  })
})

describe('hierarchy', () => {
  const keys = horizonKeys(client('http://h', 'me'))
  const queryClient = new QueryClient()
  const all = [
    keys.ping(),
    keys.whoami(),
    keys.namespaces(),
    keys.namespaces({ page: 2 }),
    keys.namespacesInfinite(),
    keys.namespace(1),
    keys.namespace(10),
    keys.namespacePermissions(1),
    keys.namespaceHistory({ namespace_id: 1 }),
    keys.namespaceHistoryInfinite({ namespace_id: 1 }),
    keys.namespaceHistory({ namespace_id: 2 }),
    keys.hwmPage({ namespace_id: 1 }),
    keys.hwmPage({ namespace_id: 1, page: 2, name: 'x' }),
    keys.hwmInfinite({ namespace_id: 1 }),
    keys.hwmPage({ namespace_id: 2 }),
    keys.hwm(1),
    keys.hwm(2),
    keys.hwmHistory({ hwm_id: 1 }),
    keys.hwmHistoryInfinite({ hwm_id: 1, page_size: 5 }),
    keys.hwmHistory({ hwm_id: 2 }),
  ]
  for (const key of all) queryClient.setQueryData(key, {})
  const under = (prefix: readonly unknown[]) =>
    queryClient
      .getQueryCache()
      .findAll({ queryKey: prefix })
      .map((q) => q.queryKey)

  it('every key is distinct', () => {
    expect(new Set(all.map((k) => JSON.stringify(k))).size).toBe(all.length)
  })

  it.each([
    ['all', keys.all(), all],
    ['namespace lists', keys.namespaceLists(), all.slice(2, 5)],
    ['one namespace', keys.namespace(1), [keys.namespace(1)]],
    ['a namespace history', keys.namespaceHistoryOf(1), all.slice(8, 10)],
    ['the HWM lists of one namespace', keys.hwmLists(1), all.slice(11, 14)],
    ['every HWM list', keys.hwmLists(), all.slice(11, 15)],
    ['one HWM', keys.hwm(1), [keys.hwm(1)]],
    ['an HWM history', keys.hwmHistoryOf(1), all.slice(17, 19)],
  ])('%s is one prefix', (_, prefix, expected) => {
    expect(under(prefix)).toEqual(expected)
  })

  it('another user or server matches nothing of these', () => {
    expect(under(horizonKeys(client('http://h', 'other')).all())).toEqual([])
    expect(under(horizonKeys(client('http://other', 'me')).all())).toEqual([])
  })
})
