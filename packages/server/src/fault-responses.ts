/** The answers of injected faults that do answer: error envelopes, proxy pages, broken JSON. */
import type { Fault } from './faults.js'

// node:http's STATUS_CODES (Node 20), written out: the app must run where there is no node:http (a browser page).
const STATUS_CODES: Readonly<Record<number, string>> = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a Teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required',
}

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
