/** Small HTTP helpers for the server's own tests: real fetch against a real server, no mocks. */
import { expect } from 'vitest'

export interface Answer {
  status: number
  headers: Headers
  text: string
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked with toEqual
  body: any
}

export async function call(url: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<Answer> {
  const { token, json, ...rest } = init
  const headers = new Headers(rest.headers)
  if (token) headers.set('authorization', `Bearer ${token}`)
  if (json !== undefined) headers.set('content-type', 'application/json')
  const res = await fetch(url, {
    redirect: 'manual',
    ...rest,
    headers,
    body: json === undefined ? rest.body : JSON.stringify(json),
  })
  const text = await res.text()
  const isJson = (res.headers.get('content-type') ?? '').includes('json')
  let body: unknown = text
  if (isJson && text)
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
  return { status: res.status, headers: res.headers, text, body }
}

/** Logs in (creating the user) and returns the token. */
export async function login(baseUrl: string, username: string): Promise<string> {
  const res = await call(`${baseUrl}/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password: 'pw' }).toString(),
  })
  expect(res.status, res.text).toBe(200)
  return res.body.access_token
}

/** Calls bound to a server and a token. */
export function client(baseUrl: string, token?: string) {
  const send = (method: string, path: string, json?: unknown, headers?: Record<string, string>) =>
    call(`${baseUrl}${path}`, { method, token, json, headers })
  return {
    get: (path: string, headers?: Record<string, string>) => send('GET', path, undefined, headers),
    post: (path: string, json?: unknown) => send('POST', path, json),
    patch: (path: string, json?: unknown) => send('PATCH', path, json),
    delete: (path: string, json?: unknown) => send('DELETE', path, json),
  }
}
