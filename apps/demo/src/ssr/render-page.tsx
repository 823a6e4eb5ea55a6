import { AuthorizationError, type HorizonClient } from '@horizon-ts/core'
import { horizonQueries, serializeState } from '@horizon-ts/core/query'
import { dehydrate } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { renderToReadableStream } from 'react-dom/server'
import { App } from '../App'
import { BOOTSTRAP_ID, type Bootstrap, STATE_ID } from '../lib/bootstrap'
import { createClient } from '../lib/client'
import { PROXY_PATH } from '../lib/config'
import { createQueryClient } from '../lib/query-client'
import { loginPath } from '../lib/routes'
import { htmlStream, jsonScript, splitTemplate } from './html'
import { prefetchRoute } from './route-data'

export interface PageInput {
  /** the page's URL as the browser asked for it */
  url: URL
  /** what the page tells the app: who is signed in (no token) */
  bootstrap: Bootstrap
  /** the session's client (its base URL and user as the browser's); none on the login page */
  client?: HorizonClient
  /** the HTML template, with `<!--app-html-->` inside `#root` */
  template: string
}

/** A rendered page, or where to send the browser instead. */
export type PageOutput = { html: ReadableStream<Uint8Array> } | { redirect: string }

/**
 * Renders one page for one request: a QueryClient of its own (never shared between users), the
 * route's reads prefetched with the session's client, React's streaming renderer, and the
 * dehydrated state (bigints kept, safe in HTML) after the app's HTML.
 */
export async function renderPage({ url, bootstrap, client, template }: PageInput): Promise<PageOutput> {
  const queryClient = createQueryClient()
  if (client) {
    try {
      await prefetchRoute(queryClient, horizonQueries(client), url)
    } catch (error) {
      // The session's token is refused and cannot be renewed: log in again, then come back here.
      if (error instanceof AuthorizationError) return { redirect: loginPath(url.pathname + url.search, 'expired') }
      // Anything else shows as that read's error on the page, which the browser may retry.
    }
  }
  // Without a session (the login page) the client only pings, through this origin's proxy.
  const pageClient = client ?? createClient(new URL(PROXY_PATH, url).href)
  const app = await renderToReadableStream(
    <StrictMode>
      <App queryClient={queryClient} server={{ url, bootstrap, client: pageClient }} />
    </StrictMode>,
    {
      // A failure inside a Suspense boundary after the shell was sent: the browser renders that part again.
      onError(error) {
        console.error('render failed:', error instanceof Error ? error.message : error)
      },
    },
  )
  const [head, tail] = splitTemplate(template)
  const after = () =>
    jsonScript(STATE_ID, serializeState(dehydrate(queryClient))) + jsonScript(BOOTSTRAP_ID, JSON.stringify(bootstrap))
  return { html: htmlStream(head, app, after, tail) }
}
