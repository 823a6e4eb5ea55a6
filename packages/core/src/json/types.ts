/**
 * A JSON value as the client reads and writes it: integers beyond `Number.MAX_SAFE_INTEGER`
 * are `bigint`, so an int64 offset or a nanosecond timestamp keeps every digit.
 */
export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue }

/**
 * How the transport reads answers and writes bodies. The default, `exactJson`, gives `bigint`
 * for integers beyond 2^53; `{ parse: JSON.parse, stringify: JSON.stringify }` gives plain
 * numbers (and rounds them); lossless-json's `parse`/`stringify` give `LosslessNumber`s.
 */
export interface JsonCodec {
  /** parses an answer's body; throws on invalid JSON */
  parse(text: string): unknown
  /** writes a request body */
  stringify(value: unknown): string | Promise<string>
}
