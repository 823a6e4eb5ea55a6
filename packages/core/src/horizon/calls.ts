/**
 * What a `HorizonClient` call does beyond sending: checks, the answer's version and schema,
 * `ifExists` / `ifNotExists`, paging, dry runs. Part of the request chunk, so the main entry keeps
 * only the client's shape; every function takes the client it works for.
 */
import { lazyModule } from '../lazy-module.js'
import type { DryRunRequest } from '../transport/transport.js'
import type { CallOptions } from '../transport/types.js'
import { checkCallOptions, checkQuery } from './call-options.js'
import type { CallHost, CreateOptions, DeleteOptions } from './client-options.js'
import { EntityAlreadyExistsError, EntityNotFoundError, makeError, ResponseValidationError } from './errors.js'
import { HORIZON_VERSION } from './generated/version.js'
import { type OperationArgs, type OperationName, type OperationResult, operations } from './operations.js'
import { type IterateOptions, iteratePages } from './pagination.js'
import { splitOptions, toSpec } from './request.js'
import type { NamespaceCreateRequestV1, NamespaceResponseV1, PageResponseV1 } from './types.js'

/** Clients whose server version was read (from the first answer that tells). */
const versionRead = new WeakSet<CallHost>()

/** The schemas weigh more than the client: they load only when a client asks to validate. */
const schemas = lazyModule(() => import('./response-check.js'))

/**
 * Validates, sends, checks the answer. `expected`: a status the caller will turn into success, so
 * hooks do not see it as an error.
 */
export async function callOperation<K extends OperationName>(
  client: CallHost,
  name: K,
  args: OperationArgs<K>,
  options: CallOptions,
  expected?: number,
): Promise<OperationResult<K>> {
  const spec = toSpec(name, args)
  if (expected) spec.expected = [expected]
  const { data, headers } = await client.transport.send<OperationResult<K>>(spec, options)
  if (!versionRead.has(client)) checkVersion(client, headers)
  const { validateResponses: check } = client.options
  if (check) {
    let details = (check === true ? (schemas.now() ?? (await schemas.load())).checkResponse : check)(name, data)
    if (details.length) {
      // An off-schema token answer still holds a valid token: keep it out of the error.
      const secret = operations[name].credentials
      if (secret) details = details.map((d) => ({ ...d, input: '[REDACTED]' }))
      const body = secret ? '[REDACTED]' : data
      throw makeError(ResponseValidationError, `Answer of ${name} does not match its schema`, { body }, { details })
    }
  }
  return data
}

/** A generated method: the row's arguments, then its options (`ifNotExists`, `ifExists` where they apply). */
// async: bad options reject the returned promise, as every other failure does, instead of throwing.
export const callMethod = async (client: CallHost, name: OperationName, all: unknown[]): Promise<unknown> => {
  if (name === 'createNamespace') return createNamespace(client, all[0] as NamespaceCreateRequestV1, all[1] as never)
  if (name === 'deleteHwm' || name === 'deleteNamespace')
    return deleteEntity(client, name, all[0] as number, all[1] as never)
  const [args, options] = splitOptions(name, all)
  return client.call(name, args, options)
}

/** A dry-run method: the request it would send, credentials redacted. */
export const dryCall = (client: CallHost, name: OperationName, all: unknown[]): Promise<DryRunRequest> => {
  const [args, options] = splitOptions(name, all)
  return client.transport.preview(toSpec(name, args), options)
}

/** `createNamespace`, answering the existing namespace on 409 with `ifNotExists`. */
async function createNamespace(
  client: CallHost,
  data: NamespaceCreateRequestV1,
  given: CreateOptions | undefined,
): Promise<NamespaceResponseV1> {
  const options = checkCallOptions<CreateOptions>(given, 'createNamespace') ?? {}
  try {
    return await callOperation(client, 'createNamespace', [data], options, options.ifNotExists ? 409 : undefined)
  } catch (e) {
    if (!(options.ifNotExists && e instanceof EntityAlreadyExistsError)) throw e
    const page = await client.call('paginateNamespaces', [{ name: data.name }], options)
    if (page.items[0]) return page.items[0]
    // Gone again before we could read it: a failure after all, reported as one.
    const onError = client.options.hooks?.onError
    if (onError) {
      const { dryRun: _, ...request } = await client.transport.preview(toSpec('createNamespace', [data]), options)
      await onError({ request, error: e as Error })
    }
    throw e
  }
}

/** `deleteHwm` / `deleteNamespace`, succeeding on 404 with `ifExists`. */
async function deleteEntity(
  client: CallHost,
  name: 'deleteHwm' | 'deleteNamespace',
  id: number,
  given: DeleteOptions | undefined,
): Promise<void> {
  const options = checkCallOptions<DeleteOptions>(given, name) ?? {}
  try {
    await callOperation(client, name, [id], options, options.ifExists ? 404 : undefined)
  } catch (e) {
    if (!(options.ifExists && e instanceof EntityNotFoundError)) throw e
  }
}

/** Pages through a paginate operation; bad arguments are refused on the first `next()`. */
export async function* iterate<
  K extends 'paginateNamespaces' | 'paginateHwm' | 'paginateHwmHistory' | 'paginateNamespaceHistory',
>(
  client: CallHost,
  name: K,
  query: OperationArgs<K>[0],
  given: IterateOptions | undefined,
): AsyncGenerator<OperationResult<K>['items'][number]> {
  checkQuery(query, name)
  const options = checkCallOptions<IterateOptions>(given, name)
  type Item = OperationResult<K>['items'][number]
  const page = (q: object, o: CallOptions) => client.call(name, [q] as never, o) as Promise<PageResponseV1<Item>>
  yield* iteratePages<Item, object>(page, { page_size: 50, ...query }, options)
}

/** Warns once, as the Python client does, when the server is newer than the types (read from the first answer that tells). */
function checkVersion(client: CallHost, headers: Headers): void {
  const version = headers.get('x-application-version')
  if (!version) return
  versionRead.add(client)
  const [a, b] = [version, HORIZON_VERSION].map((v) => v.split('.').map(Number))
  const newer = a!.findIndex((n, i) => n !== (b![i] ?? 0))
  if (newer >= 0 && a![newer]! > (b![newer] ?? 0)) {
    const message = `Horizon client types are for ${HORIZON_VERSION}, the server runs ${version}. Please upgrade.`
    ;(client.options.hooks?.onWarning ?? console.warn)(message)
  }
}
