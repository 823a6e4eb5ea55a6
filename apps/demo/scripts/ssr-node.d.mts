// Types of ssr-node.mjs, for the browser suite that starts its own servers.
import type { HorizonSessionsOptions } from '@horizon-ts/core/bff'
import type { SsoSettings } from '../src/ssr/sso-routes'

export interface SsrServerOptions {
  /** Horizon as this server reaches it */
  horizonUrl: string
  /** Vite in middleware mode (HMR) instead of the production builds */
  dev?: boolean
  port?: number
  host?: string
  sessions?: Omit<HorizonSessionsOptions, 'horizonUrl' | 'basePath' | 'loginPage' | 'proxyPath'>
  sso?: SsoSettings
}

export function buildSsr(): Promise<void>
export function startSsrServer(options: SsrServerOptions): Promise<{ url: string; close(): Promise<void> }>
