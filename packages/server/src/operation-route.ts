/**
 * A route of the operation table: method, path, auth and body kind come from the row, the path,
 * query and body are validated against the models the document names for them (issues of all three in one 422,
 * after auth, as FastAPI solves its dependencies), then the handler answers.
 */
import { type Operation, type OperationName, operations } from '@horizon-ts/core'
import { checksOf } from '@horizon-ts/core/constraints'
import { queryOf } from './body.js'
import { jsonResponse } from './errors.js'
import { Created, type HandlerContext, type Handlers } from './handler-types.js'
import type { Inputs } from './operation-inputs.js'
import type { Route, RouteContext } from './router.js'
import { Checker } from './validation.js'

/** The inputs the route's checks name, validated together. */
function validated({ method, path }: Row, ctx: RouteContext): Inputs<OperationName> {
  const checks = checksOf(method, path)
  const checker = new Checker()
  const inputs = {
    path: checks.path && checker.part(checks.path, ctx.params, 'path'),
    query: checks.query && checker.part(checks.query, queryOf(ctx.url), 'query'),
    body: checks.body
      ? checker.part(checks.body, ctx.body, 'body')
      : checks.form && checker.part(checks.form, ctx.body, 'form'),
  }
  checker.done()
  return inputs as Inputs<OperationName>
}

/** The parts of a row the server reads. */
type Row = Pick<Operation, 'method' | 'path' | 'auth'>

function response(answer: unknown, headers: Readonly<Record<string, string>>): Response {
  // FastAPI answers a 204 with its JSONResponse class: the content type, no length, no body.
  if (answer === undefined)
    return new Response(null, { status: 204, headers: { ...headers, 'content-type': 'application/json' } })
  if (answer instanceof Created) return jsonResponse(answer.value, 201, headers)
  return jsonResponse(answer, 200, headers)
}

export function operationRoute(name: OperationName, handlers: Handlers): Route {
  const row: Row = operations[name]
  const checks = checksOf(row.method, row.path)
  // Validation gave the inputs the types `Handlers` promises for this row: one handler signature
  // for all rows lets the table be called by name.
  const handler = handlers[name] as unknown as (ctx: HandlerContext<OperationName>) => unknown
  return {
    method: row.method,
    path: row.path,
    auth: row.auth !== false,
    body: checks.body ? 'json' : checks.form ? 'form' : undefined,
    async handle(ctx) {
      const { runtime } = ctx
      const answer = await handler({
        ...validated(row, ctx),
        store: runtime.store,
        // A getter: the route context's own throws on a route without auth.
        get user() {
          return ctx.user
        },
        superadmin: ctx.superadmin,
        issueToken: (userId) => runtime.tokens.issue(userId, runtime.options.tokenTtlSeconds),
      })
      // With `--data`, a write is answered only once it is on disk (one fsync for the writes of the moment).
      const durable = runtime.store.durable()
      if (durable) await durable
      return response(answer, ctx.headers)
    },
  }
}
