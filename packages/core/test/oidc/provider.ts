/**
 * A real OpenID provider (oidc-provider, dev interactions) on 127.0.0.1:0 for the /oidc tests, with
 * a public client (the browser's), two confidential ones (secret by Basic and by form) and a
 * resource server whose access tokens are JWTs for the `resource` audience.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateKeyPair } from 'oauth4webapi'

/** The public client's, the confidential clients' and the resource's names, as registered. */
export const SPA = 'horizon-ui'
export const SSR = 'horizon-ssr'
export const SSR_POST = 'horizon-ssr-post'
export const SECRET = 'a-client-secret-of-the-tests'
export const RESOURCE = 'https://horizon.example.com/'
export const REDIRECT = 'http://127.0.0.1:5173/callback'
export const POST_LOGOUT = 'http://127.0.0.1:5173/signed-out'
/** Seconds an access token lives: short, so a renewal test moves the clock a little. */
export const ACCESS_TOKEN_TTL = 120

export interface TestProvider {
  issuer: string
  close(): Promise<void>
}

/** What these tests use of oidc-provider (the package ships no types). */
interface ProviderModule {
  default: new (
    issuer: string,
    configuration: Record<string, unknown>,
  ) => {
    callback(): (req: IncomingMessage, res: ServerResponse) => void
  }
  errors: { InvalidTarget: new () => Error }
}

// oidc-provider 9 says "Unsupported runtime" on Node 20 when it loads (and works), and that its dev
// interactions and in-memory store are for development: those lines are kept out of the test
// output (before it loads), any other passes through.
const known = ['Unsupported runtime', 'devInteractions is enabled', 'development-only in-memory adapter']
const warn = console.warn.bind(console)
console.warn = (...args: unknown[]) => {
  if (!known.some((notice) => String(args[0]).includes(notice))) warn(...args)
}

/** Starts the provider; `close()` stops it. */
export async function startProvider(): Promise<TestProvider> {
  const { default: Provider, errors } = (await import('oidc-provider' as string)) as ProviderModule
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const keys = await generateKeyPair('RS256', { extractable: true })
  // without `key_ops` (['sign'] on export): the provider also verifies with it (an id_token_hint)
  const { key_ops: _ops, ext: _ext, ...jwk } = await crypto.subtle.exportKey('jwk', keys.privateKey)
  const client = {
    redirect_uris: [REDIRECT],
    post_logout_redirect_uris: [POST_LOGOUT],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  }
  const provider = new Provider(issuer, {
    clients: [
      { ...client, client_id: SPA, token_endpoint_auth_method: 'none' },
      { ...client, client_id: SSR, client_secret: SECRET, token_endpoint_auth_method: 'client_secret_basic' },
      { ...client, client_id: SSR_POST, client_secret: SECRET, token_endpoint_auth_method: 'client_secret_post' },
    ],
    jwks: { keys: [{ ...jwk, kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['cookie-key-of-the-tests'] },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
    // profile claims in the ID token, where the client reads the Horizon user
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, preferred_username: sub.toLowerCase(), name: `${sub} of the tests` }),
    }),
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL,
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
        defaultResource: () => undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, indicator: string) => {
          if (indicator !== RESOURCE) throw new errors.InvalidTarget()
          return {
            scope: 'hwm',
            audience: RESOURCE,
            accessTokenTTL: ACCESS_TOKEN_TTL,
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      }),
  }
}
