import type { DehydratedState } from '@tanstack/query-core'
import { parseJson, stringifyJson } from '../json/exact.js'

// The characters that could end the <script> element the state travels in (`</script>`, `<!--`),
// start a character reference (`&`) or, before ES2019, end a JavaScript string (U+2028/2029).
// In JSON they can only stand inside strings, where a \u escape means the same character.
const UNSAFE_IN_HTML = /[<>&\u2028\u2029]/g
const toEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/**
 * Writes a dehydrated `QueryClient` state as JSON text that keeps every digit of a `bigint` (an
 * int64 offset, a nanosecond timestamp) and is safe to put inside an HTML `<script>` element:
 * `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes, so a value holding `</script>`
 * cannot end the element. `JSON.stringify(dehydrate(queryClient))` throws on a `bigint` instead.
 *
 * Read it back with {@link deserializeState}, never as a JavaScript literal (a `bigint` written
 * as digits would become a rounded `number`). Dehydrate settled queries only (TanStack's
 * default): a pending query's promise is not JSON.
 * @example
 * ```tsx
 * // server
 * const html = renderToString(<App />)
 * const state = serializeState(dehydrate(queryClient))
 * res.end(`<div id="root">${html}</div><script type="application/json" id="horizon-state">${state}</script>`)
 *
 * // browser
 * const state = deserializeState(document.getElementById('horizon-state')!.textContent!)
 * hydrateRoot(root, <HydrationBoundary state={state}><App /></HydrationBoundary>)
 * ```
 */
export function serializeState(state: DehydratedState): string {
  return stringifyJson(state).replace(UNSAFE_IN_HTML, toEscape)
}

/**
 * Reads a state written by {@link serializeState}: integers beyond `Number.MAX_SAFE_INTEGER`
 * come back as `bigint`, as the client gave them on the server. Throws `SyntaxError` on text
 * that is not JSON.
 * @example
 * ```tsx
 * const state = deserializeState(document.getElementById('horizon-state')!.textContent!)
 * <HydrationBoundary state={state}>…</HydrationBoundary>
 * ```
 */
export const deserializeState: (text: string) => DehydratedState = parseJson as never
