const SECRET = /^(authorization|proxy-authorization|cookie|x-api-key)$/i

/** Copies headers with credentials replaced, for hooks, errors and dry runs. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) out[k] = SECRET.test(k) ? v.replace(/^(\S+\s+)?.*$/, '$1[REDACTED]') : v
  return out
}

export const REDACTED = '[REDACTED]'
