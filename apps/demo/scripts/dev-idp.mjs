// A real OpenID provider (oidc-provider, with its development login and consent pages) on
// 127.0.0.1, for `npm run demo -- --sso` and the browser suite: any login name signs in (the
// password is not checked) and becomes the Horizon user of that name. Its access tokens are JWTs
// for RESOURCE, which the Horizon dev server is told to trust (--trust-issuer, --trust-audience).
import { generateKeyPairSync } from 'node:crypto'
import { createServer } from 'node:http'

/** The API the access tokens are for: their audience, which Horizon's gateway checks. */
export const RESOURCE = 'http://horizon.local/'
/** The browser app's client (public: PKCE, no secret) and the SSR server's (confidential). */
export const SPA_CLIENT = 'horizon-admin'
export const SSR_CLIENT = 'horizon-admin-ssr'

// oidc-provider 9 says "Unsupported runtime" on Node 20 (and works), and that its dev pages and
// memory store are for development, which is what this is: those lines only, kept out of the output.
const known = [
  'Unsupported runtime',
  'devInteractions is enabled',
  'development-only in-memory adapter',
  'logoutSource function called',
]
for (const method of ['warn', 'info']) {
  const original = console[method].bind(console)
  console[method] = (...args) => {
    if (!known.some((notice) => String(args[0]).includes(notice))) original(...args)
  }
}

/**
 * Starts the provider. `apps`: the origins of the app (SPA and SSR) that may sign in through it;
 * `clientSecret`: the SSR client's secret; `accessTokenSeconds`: an access token's life (default
 * 300). `refreshTokens` (default true) can be switched off on the returned object, to see a sign-in
 * whose token cannot be renewed. Resolves with `{ issuer, close(), refreshTokens }`.
 */
export async function startDevIdp({ apps, clientSecret, accessTokenSeconds = 300, port = 0 }) {
  const { default: Provider, errors } = await import('oidc-provider')
  const server = createServer()
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  const issuer = `http://127.0.0.1:${server.address().port}`
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'dev', use: 'sig', alg: 'RS256' }
  const state = { refreshTokens: true }
  const registered = (path) => apps.map((origin) => new URL(path, origin).href)
  const client = {
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    post_logout_redirect_uris: registered('/login'),
  }
  const provider = new Provider(issuer, {
    clients: [
      {
        ...client,
        client_id: SPA_CLIENT,
        token_endpoint_auth_method: 'none',
        redirect_uris: registered('/auth/callback'),
      },
      {
        ...client,
        client_id: SSR_CLIENT,
        client_secret: clientSecret,
        token_endpoint_auth_method: 'client_secret_basic',
        redirect_uris: registered('/session/sso/callback'),
      },
    ],
    jwks: { keys: [jwk] },
    // The browser app calls the token endpoint from its page: only the registered apps may.
    clientBasedCORS: (_ctx, origin) => apps.some((app) => new URL(app).origin === origin),
    cookies: { keys: [crypto.randomUUID()] },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
    // The profile claims in the ID token too: the app reads the user's name there.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, preferred_username: sub, name: sub }),
    }),
    // The user's name in the access token too, where Horizon's gateway reads it (as Keycloak does).
    extraTokenClaims: (_ctx, token) => (token.accountId ? { preferred_username: token.accountId } : undefined),
    // A refresh token for every sign-in (no offline_access consent step), unless switched off.
    issueRefreshToken: (_ctx, c) => state.refreshTokens && c.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: accessTokenSeconds,
      IdToken: 3600,
      RefreshToken: 86_400,
      Grant: 86_400,
      Session: 86_400,
      Interaction: 600,
    },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== RESOURCE) throw new errors.InvalidTarget()
          return {
            scope: 'hwm',
            audience: RESOURCE,
            accessTokenTTL: accessTokenSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          }
        },
      },
    },
  })
  server.on('request', provider.callback())
  return {
    issuer,
    /** Issue refresh tokens to the next sign-ins (default true). */
    set refreshTokens(on) {
      state.refreshTokens = on
    },
    get refreshTokens() {
      return state.refreshTokens
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
