/**
 * The client's JSON codec: the platform's `JSON` on the fast path, exact where an answer or a
 * body holds an integer beyond 2^53. Where the platform cannot do that itself (Node 20),
 * lossless-json is loaded on first need, so browsers never download it.
 */

import { lazyModule } from '../lazy-module.js'
import { holdsBigint, mayHoldUnsafeInteger, nativeExact, parseNative, stringifyNative } from './native.js'
import type { JsonCodec } from './types.js'

const exact = lazyModule(() => import('./exact.js'))

/** Integers beyond ±(2^53 − 1) as `bigint`, every other number as `number`: the default. */
export const exactJson: JsonCodec = {
  parse(text) {
    if (!mayHoldUnsafeInteger(text)) return JSON.parse(text)
    if (nativeExact) return parseNative(text)
    return exact.load().then((m) => m.parseJson(text))
  },
  stringify(value) {
    if (!holdsBigint(value)) return JSON.stringify(value)
    if (nativeExact) return stringifyNative(value)
    return exact.load().then((m) => m.stringifyJson(value))
  },
}
