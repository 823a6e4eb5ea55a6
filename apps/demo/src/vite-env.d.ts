/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Horizon's base URL: a server root, a prefix, or the dev proxy path (default `/horizon-api`). */
  readonly VITE_HORIZON_URL?: string
  /** Demo users offered on the login screen, comma-separated; the first one prefills the form. */
  readonly VITE_DEMO_USERS?: string
  /** An OpenID provider's issuer URL: the login screen offers "Sign in with SSO" through it. */
  readonly VITE_OIDC_ISSUER?: string
  /** The app's client id at that provider (a public client: PKCE, no secret). */
  readonly VITE_OIDC_CLIENT_ID?: string
  /** The API the access token is for (its audience, as Horizon's gateway checks it). */
  readonly VITE_OIDC_RESOURCE?: string
  /** Scopes to ask for (default `openid profile`). */
  readonly VITE_OIDC_SCOPE?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
