/**
 * The test-control API under `/__control/` (only with `control: true`; never expose it in production):
 * faults, latency, reset and the request log over HTTP, for browser demos and out-of-process tests.
 */
import { bytesOf } from './body.js'
import { ClientGone, jsonResponse } from './errors.js'
import type { FaultKind, FaultSpec } from './faults.js'
import type { Seed } from './options.js'
import type { Runtime } from './runtime.js'

export const CONTROL_PREFIX = '/__control'

const fail = (message: string, status = 400) => jsonResponse({ detail: message }, status)
const noContent = () => new Response(null, { status: 204 })

async function jsonOf(request: Request): Promise<Record<string, unknown>> {
  const text = new TextDecoder().decode(await bytesOf(request))
  const value: unknown = text ? JSON.parse(text) : {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('expected a JSON object')
  return value as Record<string, unknown>
}

/** A fault from JSON: `path` is exact, `pathRegex` a regular expression source. */
function faultSpec(body: Record<string, unknown>): FaultSpec {
  const { method, path, pathRegex, query, kind, status, retryAfter, times, rate } = body
  const spec: FaultSpec = { kind: kind as FaultKind }
  if (typeof method === 'string') spec.method = method
  if (typeof path === 'string') spec.path = path
  if (typeof pathRegex === 'string') spec.path = new RegExp(pathRegex)
  if (typeof query === 'object' && query !== null) spec.query = query as Record<string, string>
  if (typeof status === 'number') spec.status = status
  if (typeof retryAfter === 'number' || typeof retryAfter === 'string') spec.retryAfter = retryAfter
  if (typeof times === 'number') spec.times = times
  if (typeof rate === 'number') spec.rate = rate
  return spec
}

const listFaults = (runtime: Runtime) =>
  runtime.faults
    .list()
    .map(({ path, ...fault }) => (path instanceof RegExp ? { ...fault, pathRegex: path.source } : { ...fault, path }))

/** The control answer, or undefined when the path is not a control route. */
export async function control(runtime: Runtime, request: Request, path: string): Promise<Response | undefined> {
  const route = `${request.method} ${path.slice(CONTROL_PREFIX.length)}`
  try {
    switch (route) {
      case 'GET /faults':
        return jsonResponse(listFaults(runtime))
      case 'POST /faults':
        return jsonResponse({ id: runtime.faults.add(faultSpec(await jsonOf(request))) }, 201)
      case 'DELETE /faults':
        runtime.faults.clear()
        return noContent()
      case 'GET /latency':
        return jsonResponse({ ms: runtime.latencyMs })
      case 'POST /latency': {
        const { ms } = await jsonOf(request)
        if (typeof ms !== 'number' || !(ms >= 0)) return fail('ms must be a number ≥ 0')
        runtime.latencyMs = ms
        return jsonResponse({ ms })
      }
      case 'POST /reset': {
        const { seed } = await jsonOf(request)
        runtime.reset((seed as Seed | undefined) ?? undefined)
        return jsonResponse({ seed: seed ?? runtime.options.seed })
      }
      case 'GET /requests':
        return jsonResponse(runtime.requests.entries())
      case 'DELETE /requests':
        runtime.requests.clear()
        return noContent()
    }
    const id = /^DELETE \/faults\/(\d+)$/.exec(route)?.[1]
    if (id) return runtime.faults.remove(Number(id)) ? noContent() : fail(`No fault ${id}`, 404)
    return undefined
  } catch (error) {
    if (error instanceof ClientGone) throw error
    return fail(error instanceof Error ? error.message : String(error))
  }
}
