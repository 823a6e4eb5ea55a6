/** The answers of injected faults that do answer: error envelopes, proxy pages, broken JSON. */
import { STATUS_CODES } from 'node:http'
import type { Fault } from './faults.js'

const proxyPage = (status: number) => {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}

const loginPage =
  '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Sign in</title></head>\n' +
  '<body><form method="post" action="/sso/login"><h1>Single sign-on</h1>' +
  '<input name="username"><input name="password" type="password"><button>Sign in</button></form></body>\n</html>\n'

/** Horizon's envelope for a status: its own codes for 500 and 503, Python's status name otherwise. */
function envelope(status: number) {
  if (status === 500) return { code: 'unknown', message: 'Got unhandled exception. Please contact support' }
  if (status === 503) return { code: 'service_unavailable', message: 'Service unavailable' }
  const phrase = STATUS_CODES[status] ?? 'Error'
  return { code: phrase.toLowerCase().replace(/[^a-z0-9]+/g, '_'), message: phrase }
}

const html = (body: string, status: number) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } })

/** The response of a `status`, `malformed` or `html` fault. */
export function faultResponse(fault: Fault): Response {
  let response: Response
  if (fault.kind === 'malformed') {
    // Cut in the middle of a token, as a connection dropped by a proxy mid-body would.
    const body = '{"meta": {"page": 1, "page_size": 20, "total_count": 3, "pages_count": 1, "has_ne'
    response = new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })
  } else if (fault.kind === 'html') {
    const status = fault.status ?? 200
    response = html(status >= 500 ? proxyPage(status) : loginPage, status)
  } else {
    const status = fault.status ?? 503
    if (status === 502 || status === 504) response = html(proxyPage(status), status)
    else if ([204, 205, 304].includes(status)) response = new Response(null, { status })
    else {
      const body = JSON.stringify({ error: { ...envelope(status), details: null } })
      response = new Response(body, { status, headers: { 'content-type': 'application/json' } })
    }
  }
  if (fault.retryAfter !== undefined) response.headers.set('retry-after', String(fault.retryAfter))
  return response
}
