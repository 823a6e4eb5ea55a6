/**
 * Two real OpenID issuers on 127.0.0.1:0 for the trusted-issuer tests: `oidc-provider` issuing JWT
 * access tokens for a resource (client_credentials, RFC 8707 resource indicators), and a small jose
 * issuer (discovery document + JWKS) that signs whatever a case needs: expired, foreign key, rotated
 * key, no username claim.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose'

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })

/** A signing key with its public JWK. */
export async function signingKey(kid: string, alg = 'ES256') {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true })
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }
  return { kid, alg, privateKey, publicKey, jwk }
}
export type SigningKey = Awaited<ReturnType<typeof signingKey>>

/** A jose issuer: discovery at `/.well-known/openid-configuration`, the JWKS at `/jwks`, requests counted. */
export async function startJoseIssuer() {
  const keys: SigningKey[] = [await signingKey('k1')]
  const hits = { discovery: 0, jwks: 0 }
  let url = ''
  const server = createServer((req, res) => {
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.url === '/.well-known/openid-configuration') {
      hits.discovery++
      return json({ issuer: url, jwks_uri: `${url}/jwks` })
    }
    if (req.url === '/jwks') {
      hits.jwks++
      return json({ keys: keys.map((k) => k.jwk) })
    }
    res.writeHead(404).end()
  })
  url = await listen(server)
  return {
    url,
    hits,
    /** The keys the JWKS publishes, newest last. */
    keys,
    /** A new key published in the JWKS (the old ones stay, as a provider rotating keys does). */
    async rotate(kid: string) {
      const key = await signingKey(kid)
      keys.push(key)
      return key
    },
    /** A token of this issuer; `key` defaults to the newest published one. */
    sign(claims: JWTPayload & Record<string, unknown>, key: SigningKey = keys.at(-1)!) {
      const now = Math.floor(Date.now() / 1000)
      return new SignJWT({ iss: url, iat: now, exp: now + 300, ...claims })
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })
        .sign(key.privateKey)
    },
    close: () => stop(server),
  }
}
export type JoseIssuer = Awaited<ReturnType<typeof startJoseIssuer>>

/** What these tests use of oidc-provider (the package ships no types). */
interface ProviderInstance {
  callback(): (req: unknown, res: unknown) => void
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance

/**
 * oidc-provider 9 says "Unsupported runtime" on Node 20 when it loads (and works), and that its
 * in-memory store is for development when it starts: those two lines are kept out of the test
 * output, any other warning passes through.
 */
async function quietly<T>(run: () => T | Promise<T>): Promise<T> {
  const warn = console.warn
  const known = ['Unsupported runtime', 'development-only in-memory adapter']
  console.warn = (...args: unknown[]) => {
    if (!known.some((notice) => String(args[0]).includes(notice))) warn(...args)
  }
  try {
    return await run()
  } finally {
    console.warn = warn
  }
}

/** The resource (API) whose audience the tokens carry, and another one. */
export const HORIZON_RESOURCE = 'urn:horizon:dev'
export const OTHER_RESOURCE = 'urn:other:api'

/**
 * oidc-provider with one confidential client allowed the client_credentials grant. Access tokens for a
 * resource are ES256 JWTs with `aud` = the resource and, as Keycloak gives a service account,
 * `preferred_username: service-account-<client_id>`.
 */
export async function startOidcProvider() {
  const { default: Provider } = await quietly(
    async () => (await import('oidc-provider' as string)) as { default: ProviderClass },
  )
  const key = await signingKey('op-1')
  const privateJwk = { ...(await exportJWK(key.privateKey)), kid: key.kid, alg: key.alg, use: 'sig' }
  const client = { client_id: 'etl-job', client_secret: 'etl-job-secret-for-tests-only' }
  const server = createServer()
  const url = await listen(server)
  const clients = [
    {
      ...client,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      id_token_signed_response_alg: 'ES256', // the one key's algorithm (the default is RS256)
    },
  ]
  const configuration = {
    clients,
    jwks: { keys: [privateJwk] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource !== HORIZON_RESOURCE && resource !== OTHER_RESOURCE) throw new Error('unknown resource')
          return { scope: 'hwm', audience: resource, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } }
        },
      },
    },
    scopes: ['hwm'],
    ttl: { ClientCredentials: 300 },
    extraTokenClaims: (_ctx: unknown, token: { clientId?: string }) =>
      token.clientId ? { preferred_username: `service-account-${token.clientId}` } : undefined,
  }
  const provider = await quietly(() => new Provider(url, configuration))
  server.on('request', provider.callback())
  return {
    url,
    clientId: client.client_id,
    /** An access token for `resource` by the client_credentials grant, over HTTP as any client gets one. */
    async token(resource: string): Promise<string> {
      const res = await fetch(`${url}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${btoa(`${client.client_id}:${client.client_secret}`)}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope: 'hwm' }),
      })
      const body = (await res.json()) as { access_token?: string; token_type?: string }
      if (res.status !== 200 || !body.access_token)
        throw new Error(`token endpoint: ${res.status} ${JSON.stringify(body)}`)
      return body.access_token
    },
    close: () => stop(server),
  }
}
export type OidcProvider = Awaited<ReturnType<typeof startOidcProvider>>
