/**
 * The login of `LoginPassword`, in the request chunk (a login needs that chunk anyway): one login
 * shared by every call that waits for a token, each caller free to leave it.
 */
import type { AuthContext } from '../transport/types.js'
import { toSpec } from './request.js'
import { checkTokenAnswer } from './token-answer.js'

/** A login in flight: the token's header, its own controller, how many calls wait for it. */
interface SharedLogin {
  header: Promise<string>
  controller: AbortController
  waiting: number
}

/** What a `LoginPassword` keeps: its token, and the login in flight. */
export interface LoginState {
  token?: { header: string; expiresAt: number; renewAt: number }
  pending?: SharedLogin
}

/** Logs in, or joins the login in flight; `skew`: seconds before expiry at which to renew. */
export function shareLogin(
  state: LoginState,
  ctx: AuthContext,
  credentials: [login: string, password: string],
  skew: number,
): Promise<string> {
  if (ctx.signal?.aborted) return Promise.reject(ctx.signal.reason)
  let pending = state.pending
  if (!pending) {
    // The login runs under its own signal: one caller's abort must not fail the others.
    const controller = new AbortController()
    const header = ctx
      .send(toSpec('login', credentials), { signal: controller.signal })
      .then((answer) => {
        const t = checkTokenAnswer(answer)
        // Renew `skew` seconds early, but never sooner than halfway through a short-lived token.
        const now = Date.now() / 1000
        const renewAt = t.expires_at - Math.min(skew, (t.expires_at - now) / 2)
        state.token = { header: `Bearer ${t.access_token}`, expiresAt: t.expires_at, renewAt }
        return state.token.header
      })
      .finally(() => {
        if (state.pending === pending) state.pending = undefined
      })
    // A login every caller left is still settled by someone.
    header.catch(() => {})
    pending = { header, controller, waiting: 0 }
    state.pending = pending
  }
  return wait(state, pending, ctx.signal)
}

/** Waits for the shared login, or rejects when `signal` aborts; the last to leave cancels it. */
function wait(state: LoginState, pending: SharedLogin, signal: AbortSignal | undefined): Promise<string> {
  pending.waiting++
  if (!signal) return pending.header
  return new Promise((resolve, reject) => {
    const leave = () => {
      signal.removeEventListener('abort', abort)
      pending.waiting--
    }
    const abort = () => {
      leave()
      reject(signal.reason)
      if (pending.waiting === 0) {
        pending.controller.abort(signal.reason)
        if (state.pending === pending) state.pending = undefined
      }
    }
    signal.addEventListener('abort', abort, { once: true })
    pending.header.then(
      (h) => {
        leave()
        resolve(h)
      },
      (e: unknown) => {
        leave()
        reject(e)
      },
    )
  })
}
