/**
 * The React README's server-rendering example, run as written: a login through its `HorizonSessions`,
 * then its `renderHwmPage` prefetches with the session's client, renders the README's own `HwmDetail`
 * and sends the state. The HTML must hold the history rows (a prefetch of another key than the
 * component reads leaves them out) and neither HTML nor state may hold the token.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { HorizonClient, LoginPassword } from '@horizon-ts/core'
import { deserializeState } from '@horizon-ts/core/query'
import { type HorizonServer, startHorizonServer } from '@horizon-ts/server'
import { afterAll, beforeAll, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
const readme = readFileSync(join(here, '..', 'README.md'), 'utf8')

/** The first ```tsx block after `heading` that contains `marker`. */
function block(heading: string, marker: string): string {
  const rest = readme.slice(readme.indexOf(heading))
  for (const m of rest.matchAll(/```tsx\n([\s\S]*?)```/g)) if (m[1]?.includes(marker)) return m[1]
  throw new Error(`no tsx block with ${marker} under ${heading}`)
}

const g = globalThis as unknown as { __ssr?: { client: HorizonClient } }
let server: HorizonServer
let token = ''
// Inside the package, so that react-dom/server and TanStack resolve from its node_modules.
const file = join(here, `.readme-ssr-${process.pid}.tsx`)

beforeAll(async () => {
  server = await startHorizonServer({ port: 0, seed: 'demo', superadmins: ['admin'] })
  const client = new HorizonClient({ baseUrl: server.url, auth: new LoginPassword({ login: 'admin', password: 'x' }) })
  await client.authorize()
  token = (await client.login('admin', 'x')).access_token
  g.__ssr = { client }
})
afterAll(async () => {
  rmSync(file, { force: true })
  delete g.__ssr
  await server?.close()
})

it('renders the prefetched history into the HTML and ships the state without a token', async () => {
  const detail = block('## A detail view with its history', 'function HwmDetail')
  const ssr = block('## Server rendering, with the session on the server', 'renderHwmPage')
  writeFileSync(file, [detail, ssr.replaceAll('http://127.0.0.1:8000', server.url)].join('\n'))
  const page = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
    sessions: import('@horizon-ts/core/bff').HorizonSessions
    renderHwmPage(request: Request, id: number): Promise<Response>
  }
  const app = 'http://app.test'
  const login = await page.sessions.login(
    new Request(`${app}/login`, {
      method: 'POST',
      headers: { origin: app, accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'x' }),
    }),
  )
  expect(login.status).toBe(200)
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const answer = await page.renderHwmPage(new Request(`${app}/hwm/5`, { headers: { cookie } }), 5)
  expect(answer.headers.get('cache-control')).toBe('no-store')
  const sent = await answer.text()

  const html = /<div id="root">([\s\S]*?)<\/div>\n<script/.exec(sent)?.[1] ?? ''
  const history = await g.__ssr!.client.paginateHwmHistory({ hwm_id: 5, page_size: 10 })
  expect(history.items.length).toBeGreaterThan(0)
  expect(html.match(/<li>/g)?.length, html).toBe(history.items.length)
  expect(html).toContain(`<h2>${(await g.__ssr!.client.getHwm(5)).name}</h2>`)

  const state = /<script type="application\/json" id="horizon-state">([\s\S]*?)<\/script>/.exec(sent)?.[1] ?? ''
  const queries = (deserializeState(state) as { queries: unknown[] }).queries
  expect(queries).toHaveLength(2)
  expect(sent).not.toContain(token.split('.')[2])
  expect(sent).not.toMatch(/eyJ[\w-]{10,}\./)
})
