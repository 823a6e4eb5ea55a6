/**
 * `@horizon-ts/core/schemas`: the OpenAPI response schemas and their checker, kept out of the
 * main entry (they weigh more than the client), with the success answer of every route by
 * `METHOD path`. Pass the checker to validate every answer.
 * @example
 * ```ts
 * import { checkResponse } from '@horizon-ts/core/schemas'
 * const client = new HorizonClient({ baseUrl, validateResponses: checkResponse })
 * ```
 */

export type { ResponseSchema, RouteAnswer } from '../horizon/response-check.js'
export { checkResponse, responses, schemas } from '../horizon/response-check.js'
