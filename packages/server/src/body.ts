/** Request bodies read the way FastAPI reads them, with its errors for undecodable input. */
import type { ValidationIssue } from '@horizon-ts/core'
import { ClientGone, DetailError, invalidRequest } from './errors.js'
import { scanJson } from './json-scan.js'
import { parsePyJson } from './py-json.js'

/** A body that was absent: FastAPI validates `None`, which gives a `missing` error for a required model. */
export const NO_BODY = Symbol('no body')

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** FastAPI's answer to a body it cannot decode: a bare `{"detail": ...}`, not Horizon's envelope. */
const parseError = () => new DetailError(400, 'There was an error parsing the body')

/** The body's bytes; reading fails only when the connection does, which is the client gone. */
export async function bytesOf(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await request.arrayBuffer())
  } catch (error) {
    throw new ClientGone(error)
  }
}

async function text(request: Request): Promise<string | undefined> {
  const bytes = await bytesOf(request)
  if (!bytes.length) return undefined
  try {
    return decoder.decode(bytes)
  } catch {
    throw parseError()
  }
}

/**
 * JSON when the content type says so (or says nothing), the raw text otherwise, as FastAPI does.
 * Read as Python reads it (`parsePyJson`): floats stay floats, integers keep every digit.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const body = await text(request)
  if (body === undefined) return NO_BODY
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const isJson = !type || type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
  if (!isJson) return body
  const scan = scanJson(body)
  // Nesting too deep, or an integer too long: Python gives up (RecursionError, ValueError), answered 400.
  if (scan.kind === 'undecodable') throw parseError()
  if (scan.kind === 'invalid') {
    const issue: ValidationIssue = {
      location: ['body', scan.at],
      message: 'JSON decode error',
      code: 'json_invalid',
      context: {},
      input: {},
    }
    throw invalidRequest([issue])
  }
  return parsePyJson(body)
}

/** The bytes as Latin-1 characters, one per byte, as Starlette decodes a form before unquoting it. */
function latin1(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return out
}

const lenient = new TextDecoder('utf-8')

/** Python's `unquote_plus`: `+` is a space, runs of `%XX` are UTF-8 (invalid bytes U+FFFD), the rest stays. */
const unquotePlus = (s: string) =>
  s
    .replaceAll('+', ' ')
    .replace(/(?:%[0-9a-fA-F]{2})+/g, (run) =>
      lenient.decode(Uint8Array.from(run.slice(1).split('%'), (hex) => Number.parseInt(hex, 16))),
    )

/**
 * The fields of an urlencoded body as python-multipart's `QuerystringParser` finds them and
 * Starlette decodes them: fields end at `&`, or at `;` when no `&` follows; a name without `=` is
 * a field with an empty value before a separator and no field at the very end; bytes are Latin-1,
 * then unquoted (a raw `ü` arrives as `Ã¼`, a `%C3%BC` as `ü`).
 */
export function formFields(bytes: Uint8Array): Array<[string, string]> {
  const data = latin1(bytes)
  const items: Array<[string, string]> = []
  const separator = (from: number) => {
    const amp = data.indexOf('&', from)
    return amp === -1 ? data.indexOf(';', from) : amp
  }
  let i = 0
  while (i < data.length) {
    if (data[i] === '&' || data[i] === ';') {
      i++
      continue
    }
    const sep = separator(i)
    const eq = data.indexOf('=', i)
    if (eq !== -1 && (sep === -1 || eq < sep)) {
      const end = separator(eq + 1)
      const stop = end === -1 ? data.length : end
      items.push([data.slice(i, eq), data.slice(eq + 1, stop)])
      i = stop
    } else if (sep !== -1) {
      items.push([data.slice(i, sep), ''])
      i = sep
    } else break // a name alone at the end: the parser never ends that field
  }
  return items.map(([name, value]) => [unquotePlus(name), unquotePlus(value)])
}

/** Form fields (last value wins); an empty form for any other content type, as Starlette's `request.form()`. */
export async function readFormBody(request: Request): Promise<Record<string, string>> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const out: Record<string, string> = {}
  if (type === 'application/x-www-form-urlencoded') {
    for (const [key, value] of formFields(await bytesOf(request))) out[key] = value
  } else if (type === 'multipart/form-data') {
    for (const [key, value] of multipartFields(await bytesOf(request), request.headers.get('content-type')!))
      out[key] = value
  }
  return out
}

/**
 * The text fields of a multipart body as python-multipart's streaming parser and Starlette leave
 * them: every part closed by the next delimiter counts, an unfinished last part does not (no
 * closing delimiter is no error), an empty body is an empty form. No boundary, or a part without a
 * name, is Starlette's 400; a body that does not open with the delimiter is FastAPI's parse error.
 * File parts are left out (the real server answers 500 to a file where a text field goes).
 */
export function multipartFields(bytes: Uint8Array, contentType: string): Array<[string, string]> {
  const boundary = /;\s*boundary=(?:"([^"]*)"|([^\s;]*))/i.exec(contentType)
  const delimiter = `--${boundary?.[1] ?? boundary?.[2] ?? ''}`
  if (delimiter === '--') throw new DetailError(400, 'Missing boundary in multipart.')
  const data = latin1(bytes)
  const items: Array<[string, string]> = []
  if (!data.length) return items
  if (!data.startsWith(delimiter)) throw parseError()
  for (let at = delimiter.length; !data.startsWith('--', at) && at < data.length; ) {
    if (!data.startsWith('\r\n', at)) throw parseError()
    const next = data.indexOf(`\r\n${delimiter}`, at + 2)
    if (next === -1) break // the last part never ended
    const part = data.slice(at + 2, next)
    const split = part.indexOf('\r\n\r\n')
    const head = split === -1 ? part : part.slice(0, split)
    const disposition = head
      .split('\r\n')
      .find((line) => /^content-disposition\s*:/i.test(line))
      ?.replace(/^[^:]*:/, '')
    const param = (key: string) =>
      disposition && new RegExp(`;\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^\\s;]*))`, 'i').exec(disposition)
    const name = param('name')
    if (!name) throw new DetailError(400, 'The Content-Disposition header field "name" must be provided.')
    if (!param('filename')) {
      const value = split === -1 ? '' : part.slice(split + 4)
      // Starlette's `_user_safe_decode`: UTF-8, or Latin-1 where the bytes are not UTF-8
      const utf8 = (x: string) => {
        try {
          return decoder.decode(Uint8Array.from(x, (c) => c.charCodeAt(0)))
        } catch {
          return x
        }
      }
      items.push([utf8(name[1] ?? name[2] ?? ''), utf8(value)])
    }
    at = next + 2 + delimiter.length
  }
  return items
}

/** The last value of each query parameter, as Starlette's `QueryParams.get`. */
export function queryOf(url: URL): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of url.searchParams) out[key] = value
  return out
}
