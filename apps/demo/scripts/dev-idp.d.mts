// Types of dev-idp.mjs, for the browser suite.
export const RESOURCE: string
export const SPA_CLIENT: string
export const SSR_CLIENT: string

export interface DevIdp {
  issuer: string
  /** issue refresh tokens to the next sign-ins */
  refreshTokens: boolean
  close(): Promise<void>
}

export function startDevIdp(options: {
  apps: string[]
  clientSecret: string
  accessTokenSeconds?: number
  port?: number
}): Promise<DevIdp>
