/**
 * 4. The dashboard: 20 widgets over 5 HWMs (four widgets show each HWM), then one update of one HWM.
 * Counts, not times: the requests the server answered and the widgets' renders, for the
 * @horizon-ts/react hooks (`useHwm`, `useUpdateHwm`) against the same dashboard written as apps do
 * without a cache: each widget fetches its HWM in a `useEffect`, and after an update the dashboard
 * bumps a refresh counter every widget's effect depends on.
 *
 * Real parts: the built server (`@horizon-ts/server` dist, in this process: its request log is what is
 * counted), the built `@horizon-ts/react` and `@horizon-ts/core`, Node's fetch, react-dom in jsdom
 * under `act` (as the react tests render). Both versions send the same bearer token.
 * Prints the table; with `BENCH_DOC=1` also rewrites the "react" section of the repo's BENCHMARKS.md.
 * Run: `pnpm bench`, or `BENCH_DOC=1 pnpm --filter @horizon-ts/react bench`.
 */
import { BearerToken, HorizonClient, LoginPassword } from '@horizon-ts/core'
import { HorizonProvider, useHwm, useUpdateHwm } from '@horizon-ts/react'
import { startHorizonServer } from '@horizon-ts/server'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { JSDOM } from 'jsdom'
import { act, createContext, createElement as h, useContext, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { commit, measuredLine, table, writeSection } from '../../../scripts/bench/report.mjs'

const WIDGETS = 20
const HWMS = 5

const dom = new JSDOM('<!doctype html><html><body></body></html>')
globalThis.window = dom.window
globalThis.document = dom.window.document
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const server = await startHorizonServer({ port: 0, seed: 'empty', superadmins: ['bench'] })
const setup = new HorizonClient({ baseUrl: server.url, auth: new LoginPassword({ login: 'bench', password: 'x' }) })
const ns = await setup.createNamespace({ name: 'dashboard', description: '' })
const ids = []
for (let i = 0; i < HWMS; i++)
  ids.push((await setup.createHwm({ namespace_id: ns.id, name: `hwm-${i}`, type: 'int', value: i })).id)
const token = await login()
const auth = { authorization: `Bearer ${token}` }

async function login() {
  const res = await fetch(`${server.url}/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'username=bench&password=x',
  })
  return (await res.json()).access_token
}

const widgetIds = Array.from({ length: WIDGETS }, (_, i) => ids[i % HWMS])
const UPDATED = ids[0]
let renders = 0
let update = async () => {}

// The hooks' dashboard.
function HookWidget({ id }) {
  renders++
  const { data } = useHwm(id)
  return h('span', { 'data-widget': '' }, data ? String(data.value) : '…')
}
function HookUpdater() {
  const mutation = useUpdateHwm()
  update = (id, value) => mutation.mutateAsync([id, { value }])
  return null
}
function hooksDashboard() {
  const client = new HorizonClient({ baseUrl: server.url, auth: new BearerToken(token) })
  const queryClient = new QueryClient()
  return {
    element: h(
      QueryClientProvider,
      { client: queryClient },
      h(HorizonProvider, { client }, h(HookUpdater), ...widgetIds.map((id, i) => h(HookWidget, { key: i, id }))),
    ),
    busy: () => queryClient.isFetching() + queryClient.isMutating() > 0,
  }
}

// The same dashboard with fetch in useEffect.
const Refresh = createContext(0)
let inFlight = 0
function PlainWidget({ id }) {
  renders++
  const version = useContext(Refresh)
  const [hwm, setHwm] = useState()
  // biome-ignore lint/correctness/useExhaustiveDependencies: the refresh counter is what makes every widget fetch again
  useEffect(() => {
    let live = true
    inFlight++
    fetch(`${server.url}/v1/hwm/${id}`, { headers: auth })
      .then((res) => res.json())
      .then((data) => live && setHwm(data))
      .finally(() => inFlight--)
    return () => {
      live = false
    }
  }, [id, version])
  return h('span', { 'data-widget': '' }, hwm ? String(hwm.value) : '…')
}
function PlainDashboard() {
  const [version, setVersion] = useState(0)
  update = async (id, value) => {
    inFlight++
    await fetch(`${server.url}/v1/hwm/${id}`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ value }),
    }).finally(() => inFlight--)
    setVersion((v) => v + 1)
  }
  return h(Refresh.Provider, { value: version }, ...widgetIds.map((id, i) => h(PlainWidget, { key: i, id })))
}
const plainDashboard = () => ({ element: h(PlainDashboard), busy: () => inFlight > 0 })

/** Waits, under act, until nothing is in flight and every widget shows `value` where expected. */
async function settle(container, busy, expected) {
  for (let quiet = 0, i = 0; quiet < 5; i++) {
    if (i > 500) throw new Error('the dashboard did not settle in 10 s')
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    const shown = [...container.querySelectorAll('[data-widget]')].map((e) => e.textContent)
    const done = !busy() && shown.length === WIDGETS && shown.every((v, i) => v === expected(widgetIds[i]))
    quiet = done ? quiet + 1 : 0
  }
}

const counted = () => {
  const requests = server.requests
  const gets = requests.filter((r) => r.method === 'GET').length
  return { requests: requests.length, gets, writes: requests.length - gets }
}

async function measure(name, make, value) {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  const { element, busy } = make()
  server.clearRequests()
  renders = 0
  const current = Object.fromEntries(ids.map((id) => [id, null]))
  for (const id of ids) current[id] = (await setup.getHwm(id)).value
  server.clearRequests()
  await act(async () => root.render(element))
  await settle(container, busy, (id) => String(current[id]))
  const load = { ...counted(), renders }
  server.clearRequests()
  renders = 0
  await act(() => update(UPDATED, value))
  current[UPDATED] = value
  await settle(container, busy, (id) => String(current[id]))
  const after = { ...counted(), renders }
  await act(async () => root.unmount())
  container.remove()
  return { name, load, after }
}

const hooks = await measure('@horizon-ts/react hooks (useHwm, useUpdateHwm)', hooksDashboard, 100)
const plain = await measure('fetch in useEffect, refresh counter', plainDashboard, 200)
await server.close()

const rows = [hooks, plain].flatMap((r) => [
  {
    case: r.name,
    phase: 'first load',
    requests: r.load.requests,
    GETs: r.load.gets,
    writes: r.load.writes,
    'widget renders': r.load.renders,
  },
  {
    case: r.name,
    phase: 'one update',
    requests: r.after.requests,
    GETs: r.after.gets,
    writes: r.after.writes,
    'widget renders': r.after.renders,
  },
])
const title = `4. Dashboard: ${WIDGETS} widgets over ${HWMS} HWMs, then one update of one HWM (shown by ${WIDGETS / HWMS} widgets): requests the server answered, widget renders`
console.log(title)
console.table(rows)
const reading = `With the hooks the ${WIDGETS} widgets cost ${hooks.load.gets} reads (one per HWM: widgets of one HWM share its query) and ${hooks.load.renders} renders; the plain version sends ${plain.load.gets} reads for the same screen. After the update the hooks send ${hooks.after.requests} request${hooks.after.requests === 1 ? '' : 's'} (${hooks.after.writes} write, ${hooks.after.gets} read${hooks.after.gets === 1 ? '' : 's'}) and re-render ${hooks.after.renders} widgets; the plain version sends ${plain.after.requests} (its refresh counter refetches every widget) and renders ${plain.after.renders} times.`
console.log(reading)

const at = commit(['packages/core/src', 'packages/react/src'])
writeSection(
  'react',
  `## React (\`@horizon-ts/react\`): the dashboard

Regenerate: \`BENCH_DOC=1 pnpm --filter @horizon-ts/react bench\` (builds core, server and react first);
\`pnpm bench\` prints it without touching this file. The bench is \`packages/react/bench/dashboard.bench.mjs\`.
${measuredLine(at)} Counts, not times: they do not depend on the machine.

${title.replace(/^4\. /, '')}. The hooks' version is \`useHwm(id)\` in each widget and \`useUpdateHwm().mutateAsync\`;
the plain version is what an app without a cache writes: each widget \`fetch\`es its HWM in a
\`useEffect\`, and after the \`PATCH\` the dashboard bumps a refresh counter all effects depend on. The
built server in the same process counts the requests; each widget counts its renders; react-dom in jsdom.

${table(rows)}

${reading}`,
)
process.exit(0)
