/** The key hierarchy: scoped per server and user, and every invalidation one prefix. */
import { hashKey, QueryClient } from '@tanstack/query-core'
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
  // Named, so each expectation says which reads a prefix covers.
  const named = {
    ping: keys.ping(),
    whoami: keys.whoami(),
    namespaces: keys.namespaces(),
    namespacesPage2: keys.namespaces({ page: 2 }),
    namespacesInfinite: keys.namespacesInfinite(),
    namespace1: keys.namespace(1),
    namespace10: keys.namespace(10),
    permissions1: keys.namespacePermissions(1),
    nsHistory1: keys.namespaceHistory({ namespace_id: 1 }),
    nsHistory1Infinite: keys.namespaceHistoryInfinite({ namespace_id: 1 }),
    nsHistory2: keys.namespaceHistory({ namespace_id: 2 }),
    hwmPage1: keys.hwmPage({ namespace_id: 1 }),
    hwmPage1Named: keys.hwmPage({ namespace_id: 1, page: 2, name: 'x' }),
    hwmInfinite1: keys.hwmInfinite({ namespace_id: 1 }),
    hwmPage2: keys.hwmPage({ namespace_id: 2 }),
    hwm1: keys.hwm(1),
    hwm2: keys.hwm(2),
    hwmHistory1: keys.hwmHistory({ hwm_id: 1 }),
    hwmHistory1Infinite: keys.hwmHistoryInfinite({ hwm_id: 1, page_size: 5 }),
    hwmHistory2: keys.hwmHistory({ hwm_id: 2 }),
  }
  type Name = keyof typeof named
  const names = Object.keys(named) as Name[]
  for (const name of names) queryClient.setQueryData(named[name], {})
  const under = (prefix: readonly unknown[]): Name[] => {
    const found = queryClient.getQueryCache().findAll({ queryKey: prefix })
    return names.filter((name) => found.some((q) => q.queryHash === hashKey(named[name])))
  }

  it('every key is distinct', () => {
    expect(new Set(names.map((n) => JSON.stringify(named[n]))).size).toBe(names.length)
  })

  it.each<[string, readonly unknown[], Name[]]>([
    ['all', keys.all(), names],
    ['namespace lists', keys.namespaceLists(), ['namespaces', 'namespacesPage2', 'namespacesInfinite']],
    ['one namespace', keys.namespace(1), ['namespace1']],
    [
      'everything about namespace 1',
      keys.about('namespace', 1),
      ['namespace1', 'permissions1', 'nsHistory1', 'nsHistory1Infinite'],
    ],
    ['a namespace history', keys.namespaceHistoryOf(1), ['nsHistory1', 'nsHistory1Infinite']],
    ['the HWM lists of one namespace', keys.hwmLists(1), ['hwmPage1', 'hwmPage1Named', 'hwmInfinite1']],
    ['every HWM list', keys.hwmLists(), ['hwmPage1', 'hwmPage1Named', 'hwmInfinite1', 'hwmPage2']],
    ['one HWM', keys.hwm(1), ['hwm1']],
    ['everything about HWM 1', keys.about('hwm', 1), ['hwm1', 'hwmHistory1', 'hwmHistory1Infinite']],
    ['an HWM history', keys.hwmHistoryOf(1), ['hwmHistory1', 'hwmHistory1Infinite']],
  ])('%s is one prefix', (_, prefix, expected) => {
    expect(under(prefix)).toEqual(expected)
  })

  it('a read key by operation name is the factory key', () => {
    expect(keys.of('getHwm', 1)).toEqual(keys.hwm(1))
    expect(keys.of('paginateHwm', { namespace_id: 1 })).toEqual(keys.hwmPage({ namespace_id: 1 }))
  })

  it('another user or server matches nothing of these', () => {
    expect(under(horizonKeys(client('http://h', 'other')).all())).toEqual([])
    expect(under(horizonKeys(client('http://other', 'me')).all())).toEqual([])
  })
})
