/**
 * The types of a handler's validated `{ path, query, body }`, read off its row: the models that
 * check its method and path (`RequestChecks`, generated from the document), through `ModelTypes`.
 * A form is the body.
 */
import type { OperationName } from '@horizon-ts/core'
import type { ChecksOf, ModelName } from '@horizon-ts/core/constraints'
import type { ModelTypes } from './model-types.js'

type PartOf<C, P extends string> = C extends { readonly [_ in P]: infer M extends keyof ModelTypes }
  ? ModelTypes[M]
  : undefined

/** An operation's validated inputs; a part its row does not check is `undefined`. */
export interface Inputs<K extends OperationName> {
  readonly path: PartOf<ChecksOf<K>, 'path'>
  readonly query: PartOf<ChecksOf<K>, 'query'>
  readonly body: ChecksOf<K> extends { readonly form: ModelName }
    ? PartOf<ChecksOf<K>, 'form'>
    : PartOf<ChecksOf<K>, 'body'>
}
