/**
 * Bodies parsed exactly: integers beyond 2^53 become `bigint` (`parseJson` of `@horizon-ts/core/json`),
 * so a stored value keeps every digit. `parseJson` on Node 20 (lossless-json) refuses duplicate keys
 * and recurses; where it fails, the body is parsed natively with its big integers marked (Python
 * keeps the last of duplicate keys, and nests as deep as `MAX_PARSE_NESTING`).
 */
import { randomBytes } from 'node:crypto'
import { parseJson } from '@horizon-ts/core/json'

/**
 * Parses `text`, already found valid by `scanJson`; `bigIntegers` are the `[start, end)` of its
 * integer literals beyond ±(2^53 − 1), as that scan reported them.
 */
export function parseExact(text: string, bigIntegers: ReadonlyArray<readonly [number, number]>): unknown {
  if (!bigIntegers.length) return JSON.parse(text)
  try {
    return parseJson(text)
  } catch {
    return parseMarked(text, bigIntegers)
  }
}

/**
 * `JSON.parse` with each big integer literal replaced by a string no body can hold (a random tag
 * after a NUL), then those strings turned into `bigint`, walking the result without recursion.
 */
function parseMarked(text: string, bigIntegers: ReadonlyArray<readonly [number, number]>): unknown {
  const tag = `\u0000${randomBytes(12).toString('hex')}:`
  let marked = ''
  let from = 0
  for (const [start, end] of bigIntegers) {
    marked += `${text.slice(from, start)}"\\u0000${tag.slice(1)}${text.slice(start, end)}"`
    from = end
  }
  const root = { value: JSON.parse(marked + text.slice(from)) as unknown }
  const todo: object[] = [root]
  for (let holder = todo.pop(); holder; holder = todo.pop()) {
    const record = holder as Record<string, unknown>
    for (const key of Object.keys(record)) {
      const x = record[key]
      if (typeof x === 'object' && x !== null) todo.push(x)
      else if (typeof x === 'string' && x.startsWith(tag)) record[key] = BigInt(x.slice(tag.length))
    }
  }
  return root.value
}
