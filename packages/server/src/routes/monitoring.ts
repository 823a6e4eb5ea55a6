/**
 * `/monitoring/metrics` and `/monitoring/stats`: process metrics and usage stats in Prometheus' text
 * format. No auth. Not in the operation table (the client does not call them); ping is, in handlers/.
 */
import type { Route } from '../router.js'
import type { Runtime } from '../runtime.js'

const PROMETHEUS = 'text/plain; version=0.0.4; charset=utf-8'
const started = Date.now() / 1000

/** Python prints gauges as floats: `1.0`. */
const float = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n))

function gauge(name: string, help: string, value: number, labels = '{app_name="horizon"}') {
  return `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name}${labels} ${float(value)}\n`
}

function stats(runtime: Runtime): string {
  const t = runtime.store.tables
  return (
    gauge('horizon_user_count', 'Number of users registered in Horizon database', t.count('users')) +
    gauge('horizon_namespace_count', 'Number of namespaces created in Horizon database', t.count('namespaces')) +
    gauge('horizon_hwm_count', 'Number of HWMs created in Horizon database', t.count('hwms'))
  )
}

function metrics(runtime: Runtime): string {
  // A browser page (the app in process) has no process: the gauge is left out there.
  const rss = globalThis.process?.memoryUsage?.().rss
  let requests = '# HELP starlette_requests_total Total HTTP requests\n# TYPE starlette_requests_total counter\n'
  for (const { method, status, count } of runtime.requests.totals.values())
    requests += `starlette_requests_total{app_name="horizon",method="${method}",status_code="${status}"} ${float(count)}\n`
  return (
    (rss === undefined
      ? ''
      : `# HELP process_resident_memory_bytes Resident memory size in bytes.\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes ${float(rss)}\n`) +
    `# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.\n# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds ${started}\n` +
    requests
  )
}

const text = (body: string, headers: Readonly<Record<string, string>>) =>
  new Response(body, { headers: { ...headers, 'content-type': PROMETHEUS } })

export const monitoringRoutes: Route[] = [
  {
    method: 'GET',
    path: '/monitoring/metrics',
    auth: false,
    handle: ({ runtime, headers }) => text(metrics(runtime), headers),
  },
  {
    method: 'GET',
    path: '/monitoring/stats',
    auth: false,
    handle: ({ runtime, headers }) => text(stats(runtime), headers),
  },
]
