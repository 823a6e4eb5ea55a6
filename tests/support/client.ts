/**
 * A `HorizonClient` for the suites, with the password and retry rule of `./target.ts`. Apart from
 * `target.ts` because it loads `@horizon-ts/core`, which the demo's Playwright config must not.
 */
import { HorizonClient, type HorizonClientOptions, LoginPassword } from '@horizon-ts/core'
import { PASSWORD, RETRY } from './target.js'

/**
 * A client on `url` that logs in (lazily) as `user`: password {@link PASSWORD}, retries {@link RETRY},
 * every answer checked against the OpenAPI schemas. `options` replace any of these.
 */
export function testClient(url: string, user: string, options: Partial<HorizonClientOptions> = {}): HorizonClient {
  return new HorizonClient({
    baseUrl: url,
    auth: new LoginPassword({ login: user, password: PASSWORD }),
    retry: RETRY,
    validateResponses: true,
    ...options,
  })
}
