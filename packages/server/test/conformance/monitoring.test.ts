import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, connect, createHwm, createNamespace, uniq } from './http'
import { isRemote, startTarget, type Target } from './target'

const stats = (users: number, namespaces: number, hwms: number) =>
  [
    '# HELP horizon_user_count Number of users registered in Horizon database',
    '# TYPE horizon_user_count gauge',
    `horizon_user_count{app_name="horizon"} ${users}.0`,
    '# HELP horizon_namespace_count Number of namespaces created in Horizon database',
    '# TYPE horizon_namespace_count gauge',
    `horizon_namespace_count{app_name="horizon"} ${namespaces}.0`,
    '# HELP horizon_hwm_count Number of HWMs created in Horizon database',
    '# TYPE horizon_hwm_count gauge',
    `horizon_hwm_count{app_name="horizon"} ${hwms}.0`,
    '',
  ].join('\n')

describe('monitoring', () => {
  let t: Target
  let h: Client
  beforeAll(async () => {
    t = await startTarget()
    h = connect(t.baseUrl)
  })
  afterAll(() => t.close())

  it('answers GET /monitoring/ping with {"status":"ok"}, with or without a token', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const res = await h.request('GET', '/monitoring/ping', { token })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/json')
      expect(res.body).toStrictEqual({ status: 'ok' })
    }
  })

  it('answers GET /monitoring/stats in the Prometheus text format, without a token', async () => {
    const res = await h.request('GET', '/monitoring/stats', { token: 'not-a-jwt' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    const lines = res.text.split('\n')
    expect(lines).toHaveLength(10)
    for (const [i, metric] of ['user', 'namespace', 'hwm'].entries()) {
      expect(lines[i * 3]).toMatch(
        new RegExp(`^# HELP horizon_${metric}_count Number of \\w+ \\w+ in Horizon database$`),
      )
      expect(lines[i * 3 + 1]).toBe(`# TYPE horizon_${metric}_count gauge`)
      expect(lines[i * 3 + 2]).toMatch(
        new RegExp(`^horizon_${metric}_count\\{[^}]*app_name="horizon"[^}]*\\} \\d+\\.0$`),
      )
    }
  })

  it.skipIf(isRemote)('counts users, namespaces and HWMs (a fresh local server starts at zero)', async () => {
    const read = async () => (await h.request('GET', '/monitoring/stats')).text
    expect(await read()).toBe(stats(0, 0, 0))
    const alice = await h.as(uniq('alice'))
    await h.as(uniq('bob'))
    await h.as(alice.username!)
    expect(await read()).toBe(stats(2, 0, 0))
    const ns = await createNamespace(alice)
    const hwm = await createHwm(alice, ns.id)
    await createHwm(alice, ns.id)
    expect(await read()).toBe(stats(2, 1, 2))
    await alice.delete(`/v1/hwm/${hwm.id}`)
    expect(await read()).toBe(stats(2, 1, 1))
  })

  it('answers GET /monitoring/metrics in the Prometheus text format', async () => {
    const res = await h.request('GET', '/monitoring/metrics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(res.text).toMatch(/^# HELP \w+ .+$/m)
    expect(res.text).toMatch(/^# TYPE \w+ (counter|gauge|histogram|summary)$/m)
  })
})
