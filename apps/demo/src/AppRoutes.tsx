import { lazy, type ReactNode, Suspense } from 'react'
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter'
import { Layout } from './components/Layout'
import { loginPath, paths } from './lib/routes'
import { useSession } from './lib/session'
import { CALLBACK_PATH } from './lib/sso'
import { HwmScreen } from './screens/HwmScreen'
import { LoginScreen } from './screens/LoginScreen'
import { NamespaceScreen } from './screens/NamespaceScreen'
import { NamespacesScreen } from './screens/NamespacesScreen'
import { NotFoundScreen } from './screens/NotFoundScreen'

// Only for SSO sign-ins in the browser: its OpenID code loads with it, not with the app.
const SsoCallbackScreen = lazy(() =>
  import('./screens/SsoCallbackScreen').then((m) => ({ default: m.SsoCallbackScreen })),
)

/** Every screen but the login needs a session; without one, go to the login and come back after. */
function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession()
  const [location] = useLocation()
  const search = useSearch()
  if (session.signedIn) return children
  // After an explicit logout there is nothing to come back to; after an expiry, there is.
  const next = session.notice === 'signed-out' ? undefined : location + (search ? `?${search}` : '')
  return <Redirect to={loginPath(next, session.notice === 'expired' ? 'expired' : undefined)} replace />
}

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/login" component={LoginScreen} />
      <Route path={CALLBACK_PATH}>
        <Suspense fallback={null}>
          <SsoCallbackScreen />
        </Suspense>
      </Route>
      <Route>
        <RequireSession>
          <Layout>
            <Switch>
              <Route path="/">
                <Redirect to={paths.namespaces} replace />
              </Route>
              <Route path="/namespaces" component={NamespacesScreen} />
              <Route path="/namespaces/:id/:tab?">{({ id, tab }) => <NamespaceScreen id={id} tab={tab} />}</Route>
              <Route path="/hwm/:id">{({ id }) => <HwmScreen id={id} />}</Route>
              <Route component={NotFoundScreen} />
            </Switch>
          </Layout>
        </RequireSession>
      </Route>
    </Switch>
  )
}
