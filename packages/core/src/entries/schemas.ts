/**
 * `@horizon-ts/core/schemas`: the OpenAPI response schemas and their checker, kept out of the
 * main entry (they weigh more than the client). Pass the checker to validate every answer.
 * @example
 * ```ts
 * import { checkResponse } from '@horizon-ts/core/schemas'
 * const client = new HorizonClient({ baseUrl, validateResponses: checkResponse })
 * ```
 */

export { checkResponse, responseSchemas, schemas } from '../horizon/response-check.js'
