import type { HorizonQueries } from '@horizon-ts/core/query'
import type { QueryClient } from '@tanstack/react-query'
import { listParamsOf } from '../lib/list-params'
import { idParam } from '../lib/routes'
import { hwmHistoryScrollRead, hwmPageRead, namespaceHistoryScrollRead, namespacesRead } from '../lib/screen-reads'

/**
 * Loads what the page at `url` reads, into `queryClient`, before it renders: the layout's
 * whoami and ping, and the screen's reads with their default views (`screen-reads.ts`). A read that
 * fails (a 404, a 403) is left out: the page renders its error state and the browser asks again.
 * A 401 is thrown: the session's token is no longer accepted, and the caller sends to the login.
 */
export async function prefetchRoute(queryClient: QueryClient, q: HorizonQueries, url: URL): Promise<void> {
  const loads: Promise<unknown>[] = [queryClient.fetchQuery(q.whoami()), queryClient.prefetchQuery(q.ping())]
  const [, section, rawId, tab] = url.pathname.split('/')
  const id = idParam(rawId)
  if (section === 'namespaces' && rawId === undefined)
    loads.push(queryClient.prefetchQuery(q.namespaces(namespacesRead(listParamsOf(url.searchParams)))))
  else if (section === 'namespaces' && id) {
    loads.push(queryClient.prefetchQuery(q.namespace(id)))
    if (tab === undefined)
      loads.push(queryClient.prefetchQuery(q.hwmPage(hwmPageRead(id, listParamsOf(url.searchParams)))))
    else if (tab === 'history')
      loads.push(queryClient.prefetchInfiniteQuery(q.namespaceHistoryInfinite(namespaceHistoryScrollRead(id))))
    else if (tab === 'permissions') loads.push(queryClient.prefetchQuery(q.namespacePermissions(id)))
  } else if (section === 'hwm' && id) {
    loads.push(
      queryClient.prefetchInfiniteQuery(q.hwmHistoryInfinite(hwmHistoryScrollRead(id))),
      // The breadcrumb names the HWM's namespace: known once the HWM is.
      queryClient.fetchQuery(q.hwm(id)).then(
        (hwm) => queryClient.prefetchQuery(q.namespace(hwm.namespace_id)),
        () => {},
      ),
    )
  }
  await Promise.all(loads)
}
