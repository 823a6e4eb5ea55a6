/**
 * `@horizon-ts/core/oidc`: sign in through an OpenID provider (authorization code flow with PKCE,
 * `state` and `nonce`, on oauth4webapi) and send its access token to Horizon as a bearer token.
 * `OidcLogin` is the browser's; `createOidcClient` + `OidcAuth` a server's (a confidential client).
 * @example
 * ```ts
 * import { OidcLogin } from '@horizon-ts/core/oidc'
 * const login = new OidcLogin({ issuer: 'https://id.example.com', clientId: 'horizon-ui', redirectUri: `${location.origin}/callback` })
 * const client = new HorizonClient({ baseUrl, auth: login })
 * ```
 */

export type { OidcAuthOptions, SignedOutReason } from '../oidc/auth.js'
export { OidcAuth } from '../oidc/auth.js'
export type { OidcClient, OidcClientOptions, OidcTransaction } from '../oidc/client.js'
export { createOidcClient } from '../oidc/client.js'
export type { OidcErrorCode } from '../oidc/errors.js'
export { OidcError } from '../oidc/errors.js'
export type { Navigate, OidcLoginOptions } from '../oidc/login.js'
export { OidcLogin } from '../oidc/login.js'
export type { IdTokenClaims, OidcTokens } from '../oidc/tokens.js'
