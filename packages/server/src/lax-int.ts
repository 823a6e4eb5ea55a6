/**
 * pydantic 2's lax reading of integer fields, as Horizon 1.1.3 reads every request (the client keeps
 * the strict rules of `@horizon-ts/core/constraints`): `true`/`false` are 1 and 0, a `bigint` is
 * itself, a float that is not finite is `finite_number`, and a string may have Unicode white space
 * around it, single underscores between digits and a zero fraction (` 1_000.00 `); beyond 2^53 it
 * becomes a `bigint`. Finite numbers are left to the strict rules.
 */
import { numberOf } from './py-json.js'

/** Unicode's White_Space, which pydantic-core (Rust's `str::trim`) strips around an integer string. */
const TRIM =
  /^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g
/** pydantic-core's integer string: a sign, digits with single underscores between them, a zero fraction. */
const LAX_INT = /^([-+]?\d+(?:_\d+)*)(?:\.0+)?$/

/** `ValidateOptions.laxInt` of `@horizon-ts/core/constraints`. */
export function laxInt(x: unknown): number | bigint | 'not finite' | 'refused' | undefined {
  if (typeof x === 'boolean') return x ? 1 : 0
  if (typeof x === 'bigint') return x
  const n = typeof x === 'number' ? x : numberOf(x)
  if (n !== undefined) return Number.isFinite(n) ? undefined : 'not finite'
  if (typeof x !== 'string') return undefined
  const match = LAX_INT.exec(x.replace(TRIM, ''))
  if (!match) return 'refused'
  const digits = match[1]!.replaceAll('_', '')
  const value = Number(digits)
  return Number.isSafeInteger(value) ? value : BigInt(digits)
}
