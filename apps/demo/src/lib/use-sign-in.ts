import { AccessToken } from '@horizon-ts/core'
import { useLogin } from '@horizon-ts/react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ServerCredentials, signInOnServer } from './server-session'
import { useSession } from './session'

/** What a login form submits: a password, or a token pasted from elsewhere. */
export type Credentials = { username: string; password: string } | { token: string }

/**
 * The login of the forms, whichever holds the session: in `browser` mode `useLogin` on the page's
 * client (the token stays in page memory); in `server-session` mode a post to the SSR server, which
 * logs in to Horizon and keeps the token, answering only who is signed in. Resolves with the user.
 */
export function useSignIn() {
  const session = useSession()
  const queryClient = useQueryClient()
  const inBrowser = useLogin()
  const onServer = useMutation<string, unknown, ServerCredentials>({
    retry: false,
    mutationFn: signInOnServer,
  })
  const mutation = session.mode === 'server-session' ? onServer : inBrowser
  return {
    error: mutation.error,
    isPending: mutation.isPending,
    reset: mutation.reset,
    /** Logs in; `onSuccess` gets the user's name. */
    mutate(credentials: Credentials, onSuccess: (user: string) => void) {
      const method = 'token' in credentials ? 'token' : 'password'
      if (session.mode === 'server-session')
        return onServer.mutate(credentials, {
          onSuccess: (user) => {
            // Another user's answers may be cached from before: start clean.
            queryClient.clear()
            session.loggedIn(method, user)
            onSuccess(user)
          },
        })
      // AccessToken refuses a malformed or expired token before any request (it throws here).
      const vars =
        'token' in credentials
          ? { auth: new AccessToken(credentials.token) }
          : { login: credentials.username, password: credentials.password }
      inBrowser.mutate(vars, {
        onSuccess: (me) => {
          session.loggedIn(method)
          onSuccess(me.username)
        },
      })
    },
  }
}
