import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'

// biome-ignore lint/suspicious/noExplicitAny: JSON from the server, checked with toEqual
export type Json = any

export interface Res {
  status: number
  headers: Headers
  body: Json
  text: string
}

export interface RequestInit {
  token?: string
  json?: unknown
  form?: Record<string, string>
  headers?: Record<string, string>
}

export interface Api {
  token?: string
  username?: string
  get(path: string, headers?: Record<string, string>): Promise<Res>
  post(path: string, body?: unknown): Promise<Res>
  patch(path: string, body?: unknown): Promise<Res>
  delete(path: string, body?: unknown): Promise<Res>
}

export interface Client {
  baseUrl: string
  request(method: string, path: string, init?: RequestInit): Promise<Res>
  /** `POST /v1/auth/token` with a form body, the raw answer. */
  login(username: string, password?: string, extra?: Record<string, string>): Promise<Res>
  /** Logs in (creating the user) and returns an API bound to its token. */
  as(username: string): Promise<Api>
  api(token?: string): Api
}

export const PASSWORD = process.env.HORIZON_PASSWORD ?? 'any-password'

export function connect(baseUrl: string): Client {
  async function request(method: string, path: string, init: RequestInit = {}): Promise<Res> {
    const headers: Record<string, string> = { ...init.headers }
    let body: string | undefined
    if (init.token !== undefined) headers.Authorization = `Bearer ${init.token}`
    if (init.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(init.form).toString()
    } else if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(init.json)
    }
    const r = await fetch(baseUrl + path, { method, headers, body, redirect: 'manual' })
    const text = await r.text()
    const json = (r.headers.get('content-type') ?? '').includes('json') && text !== ''
    return { status: r.status, headers: r.headers, body: json ? JSON.parse(text) : text, text }
  }
  const api = (token?: string, username?: string): Api => ({
    token,
    username,
    get: (path, headers) => request('GET', path, { token, headers }),
    post: (path, json) => request('POST', path, { token, json }),
    patch: (path, json) => request('PATCH', path, { token, json }),
    delete: (path, json) => request('DELETE', path, { token, json }),
  })
  const login = (username: string, password = PASSWORD, extra: Record<string, string> = {}) =>
    request('POST', '/v1/auth/token', { form: { username, password, ...extra } })
  return {
    baseUrl,
    request,
    login,
    api,
    async as(username) {
      const res = await login(username)
      expect(res.status, `login ${username}: ${res.text}`).toBe(200)
      return api(res.body.access_token, username)
    },
  }
}

const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
let counter = 0
/** A name no other run (and no other test of this run) uses: lowercase letters, digits, underscores. */
export const uniq = (prefix: string) => `${prefix}_${run}_${(counter++).toString(36)}`

/** The claims of a JWT, unverified. */
export const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())

/** ISO 8601 UTC with microseconds, as the real server (pydantic) writes them; the fraction is dropped when zero. */
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z$/
/** Microseconds since the epoch of such a timestamp, to order them. */
export const micros = (iso: string) => {
  const [s = '', frac = ''] = iso.replace('Z', '').split('.')
  return BigInt(Date.parse(`${s}Z`)) * 1000n + BigInt(frac.padEnd(6, '0'))
}

export async function createNamespace(as: Api, body: Record<string, unknown> = {}) {
  const res = await as.post('/v1/namespaces/', { name: uniq('ns'), ...body })
  expect(res.status, res.text).toBe(201)
  return res.body
}

export async function createHwm(as: Api, namespaceId: number, body: Record<string, unknown> = {}) {
  const res = await as.post('/v1/hwm/', {
    namespace_id: namespaceId,
    name: uniq('hwm'),
    type: 'column_int',
    value: 1,
    ...body,
  })
  expect(res.status, res.text).toBe(201)
  return res.body
}

/** Grants roles in a namespace (as its owner), expecting success. */
export async function grant(
  owner: Api,
  namespaceId: number,
  permissions: Array<{ username: string; role: string | null }>,
) {
  const res = await owner.patch(`/v1/namespaces/${namespaceId}/permissions`, { permissions })
  expect(res.status, res.text).toBe(200)
  return res.body
}

/**
 * The items of a history page, checked to be newest first (`changed_at` descending), then put in a
 * canonical order: rows with equal `changed_at` (a "Deleted" row keeps the last change's time) may
 * come in any order from the real server, so they are sorted by id, newest first.
 */
export function newestFirst(res: Res): Json[] {
  expect(res.status, res.text).toBe(200)
  const items: Json[] = res.body.items
  for (let i = 1; i < items.length; i++)
    expect(micros(items[i - 1].changed_at) >= micros(items[i].changed_at), 'newest first').toBe(true)
  return [...items].sort((a, b) => Number(micros(b.changed_at) - micros(a.changed_at)) || b.id - a.id)
}
