import { jsonIssues } from '../json/data.js'
import type { CallOptions, RequestSpec } from '../transport/types.js'
import { checkCallOptions } from './call-options.js'
import { checksOf, type ModelName, validate } from './constraints.js'
import { requestValidationError } from './errors.js'
import { type OperationArgs, type OperationName, operations, type RequestParts } from './operations.js'

const PARTS = ['path', 'query', 'body', 'form'] as const
/** Path templates split once: `/v1/hwm/{hwm_id}` → `['/v1/hwm/', 'hwm_id', '']` (odd items are keys). */
const templates = new Map<string, string[]>()

/**
 * Builds the request of operation `name` called with `args`, after checking every part against
 * the constraint table: bad input raises `RequestValidationError` and nothing is sent.
 */
export function toSpec<K extends OperationName>(name: K, args: OperationArgs<K>): RequestSpec {
  const op = operations[name]
  const parts = (op.parts as (...a: unknown[]) => RequestParts)(...args)
  const issues = []
  const checks = checksOf(op.method, op.path)
  for (const where of PARTS) {
    const model: ModelName | undefined = checks[where]
    // A loop, not a spread: a spread of a million items overflows the stack.
    if (model) for (const issue of validate(model, parts[where], where).issues) issues.push(issue)
  }
  // What JSON would turn into null, drop or mangle (NaN, cycles, functions…) is refused here too.
  if (parts.body !== undefined) jsonIssues(parts.body, ['body'], issues, 0)
  if (issues.length) throw requestValidationError(issues, `arguments of ${name}`)
  let template = templates.get(op.path)
  if (!template) {
    template = op.path.split(/\{(\w+)\}/)
    templates.set(op.path, template)
  }
  let path = template[0]!
  for (let i = 1; i < template.length; i += 2)
    path += encodeURIComponent(String(parts.path?.[template[i]!])) + template[i + 1]
  return {
    method: op.method,
    path,
    query: parts.query as RequestSpec['query'],
    body: parts.body,
    form: parts.form,
    auth: op.auth,
    credentials: op.credentials,
  }
}

/** Splits a generated method's arguments into the row's arguments and the trailing options, if given. */
export function splitOptions(name: OperationName, args: unknown[]): [args: never, options: CallOptions | undefined] {
  const arity = operations[name].parts.length
  const options = args.length > arity ? checkCallOptions<CallOptions>(args[arity], name) : undefined
  return [args.slice(0, arity) as never, options]
}
