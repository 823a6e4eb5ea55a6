/** The app's URLs, built in one place so links and redirects agree. */
export const paths = {
  namespaces: '/namespaces',
  namespace: (id: number) => `/namespaces/${id}`,
  namespaceTab: (id: number, tab: 'history' | 'permissions' | 'settings') => `/namespaces/${id}/${tab}`,
  hwm: (id: number) => `/hwm/${id}`,
}

/** The login screen, remembering where to go back to (and why the user is there). */
export function loginPath(next?: string, reason?: string): string {
  const params = new URLSearchParams()
  if (next && next !== '/login') params.set('next', next)
  if (reason) params.set('reason', reason)
  const query = params.toString()
  return query ? `/login?${query}` : '/login'
}

/** A `next` parameter as a safe in-app path: never another origin (`//evil`, `https:`), which would be an open redirect. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return paths.namespaces
  return next
}

/** A positive integer route parameter, or undefined. */
export function idParam(value: string | undefined): number | undefined {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : undefined
}
