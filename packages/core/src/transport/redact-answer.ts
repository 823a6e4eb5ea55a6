import { REDACTED } from './redact.js'

/** A JWT, or the start of one that was cut short. */
const JWT = /eyJ[\w-]*(\.[\w-]*){0,2}/g

/** Replaces every JWT-looking run in the strings of `x`; other data is kept. */
const scrub = (x: unknown): unknown => {
  if (typeof x === 'string') return x.replace(JWT, REDACTED)
  if (Array.isArray(x)) return x.map(scrub)
  if (typeof x === 'object' && x !== null)
    return Object.fromEntries(
      Object.entries(x).map(([k, v]) => [k, /token|secret|password/i.test(k) ? REDACTED : scrub(v)]),
    )
  return x
}

/**
 * What may be kept of an answer of a route that issues credentials: an error envelope with
 * tokens scrubbed (so a refused login keeps its class and message); nothing of any other body.
 */
export function redactAnswer(status: number | undefined, body: unknown): unknown {
  if (body === undefined) return undefined
  const envelope = (body as { error?: unknown } | null)?.error
  return status !== undefined && status >= 400 && typeof envelope === 'object' && envelope !== null
    ? scrub(body)
    : REDACTED
}
