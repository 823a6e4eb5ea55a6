import type { Bootstrap } from './bootstrap'

/** The SSR server's session routes (backend-for-frontend); Horizon itself is behind `/horizon-api`. */
export const SESSION_PATHS = { login: '/session/login', logout: '/session/logout', sso: '/session/sso' } as const

/** A login or logout the SSR server refused, with its message (never a credential). */
export class ServerSessionError extends Error {
  override name = 'ServerSessionError'
  constructor(
    message: string,
    /** the HTTP status the server answered */
    readonly status: number,
    /** the request id Horizon gave, when the refusal came from Horizon */
    readonly requestId?: string,
  ) {
    super(message)
  }
}

/** What a login posts to the server: a password, or a token pasted from elsewhere. */
export type ServerCredentials = { username: string; password: string } | { token: string }

async function post(path: string, body?: object): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin',
  })
}

/** Why the server refused, from its JSON answer (Horizon's error envelope or `{ message }`). */
async function refusal(response: Response): Promise<ServerSessionError> {
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string }; message?: string }
  const message =
    body.error?.message ?? body.message ?? `The server answered ${response.status} ${response.statusText}`.trim()
  return new ServerSessionError(message, response.status, response.headers.get('x-request-id') ?? undefined)
}

/** Logs in through the SSR server, which keeps the token; resolves with who is signed in. */
export async function signInOnServer(credentials: ServerCredentials): Promise<NonNullable<Bootstrap['user']>> {
  const response = await post(SESSION_PATHS.login, credentials)
  if (!response.ok) throw await refusal(response)
  const { user } = (await response.json()) as { user: string }
  return user
}

/** Ends the server's session; the cookie is cleared by its answer. A failure leaves the session to expire. */
export async function signOutOnServer(): Promise<void> {
  const response = await post(SESSION_PATHS.logout)
  if (!response.ok && response.status !== 401) throw await refusal(response)
}
