import { deserializeState } from '@horizon-ts/core/query'
import { SSR_URL } from '../env'
import { api, expect, test, uid } from '../fixtures'
import { httpLogin, JWT, scriptJson } from './session-http'

// 2^63 - 1 and 2^53 + 1: digits a JavaScript number cannot hold.
const INT64 = '9223372036854775807'

test.describe('server rendering', () => {
  test('the HTML of an HWM page holds its value and history, exact, and no token', async () => {
    const alice = api('alice')
    const ns = await alice.createNamespace({ name: `ssr_${uid()}` })
    const hwm = await alice.createHwm({ namespace_id: ns.id, name: 'offset', type: 'column_int', value: 1 })
    await alice.updateHwm(hwm.id, { value: 9007199254740993n })
    await alice.updateHwm(hwm.id, { value: BigInt(INT64) })

    const session = await httpLogin('alice')
    const res = await session.get(`/hwm/${hwm.id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const html = await res.text()
    const body = html.slice(html.indexOf('<div id="root">'), html.indexOf('<script type="application/json"'))
    // The value and the history as HTML, before any script runs.
    expect(body).toContain('offset')
    expect(body).toContain(INT64)
    expect(body).toContain('9007199254740993')
    expect(body).toMatch(/History/)
    // The state the browser hydrates from keeps every digit.
    const state = deserializeState(scriptJson(html, 'horizon-state'))
    const values = state.queries.map((q) => q.state.data)
    expect(values).toContainEqual(expect.objectContaining({ id: hwm.id, value: BigInt(INT64) }))
    expect(html).not.toMatch(JWT)
    expect(html).not.toContain(session.cookie.split('=')[1])
  })

  test('50 concurrent renders for two users never mix data or tokens', async () => {
    const [alice, bob] = await Promise.all([httpLogin('alice'), httpLogin('bob')])
    const renders = Array.from({ length: 50 }, (_, i) => (i % 2 ? bob : alice))
    const pages = await Promise.all(renders.map((s) => s.get('/namespaces').then((r) => r.text())))
    pages.forEach((html, i) => {
      const [me, other] = i % 2 ? ['bob', 'alice'] : ['alice', 'bob']
      expect(html).toContain(`Signed in as </span>${me}<`)
      expect(html).not.toContain(`Signed in as </span>${other}<`)
      const state = deserializeState(scriptJson(html, 'horizon-state'))
      const users = new Set(state.queries.map((q) => (q.queryKey[1] as { user: unknown }).user))
      expect([...users]).toEqual([me])
      expect(JSON.parse(scriptJson(html, 'horizon-bootstrap'))).toMatchObject({ user: me })
      expect(html).not.toMatch(JWT)
    })
  })

  test('a page without a session sends to the login, remembering the page', async () => {
    const res = await fetch(`${SSR_URL}/namespaces/3/history?x=1`, { redirect: 'manual' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/namespaces/3/history?x=1')}`)
  })
})
