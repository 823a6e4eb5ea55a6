import type { RequestSpec } from '../transport/types.js'
import { type ModelName, validate } from './constraints.js'
import { requestValidationError } from './errors.js'
import { type OperationArgs, type OperationName, operations } from './operations.js'

/**
 * Builds the request of operation `name` called with `args`, after checking every part against
 * the constraint table: bad input raises `RequestValidationError` and nothing is sent.
 */
export function toSpec<K extends OperationName>(name: K, args: OperationArgs<K>): RequestSpec {
  const op = operations[name]
  const parts = (op.parts as (...a: unknown[]) => ReturnType<typeof op.parts>)(...args)
  const issues = []
  for (const where of ['path', 'query', 'body'] as const) {
    const model: ModelName | undefined = op.checks[where]
    if (model) issues.push(...validate(model, parts[where], where).issues)
  }
  if (issues.length) throw requestValidationError(issues, `arguments of ${name}`)
  const path = op.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(String(parts.path?.[key])))
  return {
    method: op.method,
    path,
    query: parts.query as RequestSpec['query'],
    body: parts.body,
    form: parts.form,
    auth: op.auth,
  }
}
