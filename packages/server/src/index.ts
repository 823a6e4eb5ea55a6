/**
 * `@horizon-ts/server`: a Horizon 1.1.3-compatible HWM store for Node, in memory, with demo data,
 * fault injection and added latency, for tests and demos.
 * @example
 * ```ts
 * import { startHorizonServer, demoUsers } from '@horizon-ts/server'
 * const server = await startHorizonServer({ port: 0, seed: 'demo' })
 * console.log(server.url, demoUsers.map((u) => u.username))
 * await server.close()
 * ```
 */
export { createHorizonApp, type HorizonEnv } from './app.js'
export type { Fault, FaultController, FaultKind, FaultSpec } from './faults.js'
export type {
  BulkSeed,
  CorsOptions,
  CorsPreset,
  CorsSettings,
  HorizonServerOptions,
  Seed,
  SeedName,
  TrustIssuerOptions,
} from './options.js'
export type { RequestLogEntry } from './request-log.js'
export { type DemoUser, demoUsers } from './seed-catalog.js'
export { type HorizonServer, startHorizonServer } from './start.js'
