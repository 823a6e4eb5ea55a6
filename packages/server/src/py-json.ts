/**
 * JSON as the real Horizon holds it: Python's `json.loads` over a body, then two writers, because
 * Horizon 1.1.3 answers with two. A success answer is `json.dumps` (Starlette's `JSONResponse`):
 * floats as Python's `repr` (`1.0`, `1e-07`, `1e+20`). An error answer is pydantic-core's JSON
 * (`model.json()`): floats as Rust's ryu writes them (`1.0`, `1e-7`, `1e20`, `0.00001`). Both write
 * integers digit for digit and objects in the order their keys first came, integer-like keys
 * included (JavaScript would put those first).
 *
 * So a parsed value keeps what JavaScript would lose: a float is a {@link PyFloat} (it remembers it
 * was one: `1.0` is not `1`), an integer beyond 2^53 a `bigint`, and an object whose key order
 * JavaScript would change carries that order (see {@link keyOrder}).
 */

import { nativeWritable } from './json-fast-path.js'

/**
 * A JSON number written with a fraction or an exponent: Python reads it as a float, and writes it
 * back as one (`1.0` stays `1.0`). `toJSON` gives the number, so JSON checks see it as one.
 * @example
 * ```ts
 * writePyJson(parsePyJson('[1.0, 1e-7]')) // '[1.0,1e-07]'
 * ```
 */
export class PyFloat {
  constructor(readonly value: number) {}

  toJSON(): number {
    return this.value
  }
}

/**
 * JSON text already written by {@link writePyJson}, put in place as it is: an answer's rows are
 * written once per row version and reused (see `serialize.ts`).
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A value as parsed here: JSON with floats as {@link PyFloat} and big integers as `bigint`. */
export type PyJsonValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyFloat
  | PyJsonValue[]
  | { [key: string]: PyJsonValue }

/** The number a parsed value stands for, when it is one (a {@link PyFloat} or a `number`). */
export const numberOf = (x: unknown): number | undefined =>
  x instanceof PyFloat ? x.value : typeof x === 'number' ? x : undefined

const ORDER = Symbol('key order')
/** A key JavaScript orders before the others: an array index. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/
const isIndexKey = (key: string) => INDEX_KEY.test(key) && Number(key) < 2 ** 32 - 1

/** The keys of `x` in the order the JSON text gave them (own enumerable keys where none was kept). */
export function keyOrder(x: object): readonly string[] {
  return (x as { [ORDER]?: string[] })[ORDER] ?? Object.keys(x)
}

const WS = new Set([' ', '\t', '\n', '\r'])

/**
 * Parses `text`, which must be valid JSON (as `scanJson` found it), as Python reads it: floats are
 * {@link PyFloat} (`NaN`, `Infinity` and `-Infinity` included, as Python's json reads them), integers beyond ±(2^53 − 1) `bigint`, duplicate keys keep their first place and
 * their last value, `__proto__` is a key like any other. Iterative, so any nesting is parsed.
 */
export function parsePyJson(text: string): PyJsonValue {
  let i = 0
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++
  }
  const string = (): string => {
    const start = i++
    let escaped = false
    for (;;) {
      const c = text[i]
      if (c === '"') break
      if (c === '\\') {
        escaped = true
        i += 2
      } else i++
    }
    i++
    return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1)
  }
  const number = (): number | bigint | PyFloat => {
    const start = i
    while (i < text.length && /[-+0-9.eE]/.test(text[i]!)) i++
    const literal = text.slice(start, i)
    if (/[.eE]/.test(literal)) return new PyFloat(Number(literal))
    const n = Number(literal)
    return Number.isSafeInteger(n) ? n : BigInt(literal)
  }
  type Frame =
    | { kind: 'array'; value: PyJsonValue[] }
    | { kind: 'object'; value: Record<string, PyJsonValue>; key: string; order?: string[] }
  const stack: Frame[] = []
  const set = (frame: Frame, v: PyJsonValue) => {
    if (frame.kind === 'array') frame.value.push(v)
    else {
      const { value: obj, key } = frame
      const seen = Object.hasOwn(obj, key)
      if (key === '__proto__')
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true })
      else obj[key] = v
      if (!seen) {
        if (!frame.order && isIndexKey(key)) frame.order = Object.keys(obj).filter((k) => k !== key)
        frame.order?.push(key)
      }
    }
  }
  const finish = (frame: Frame): PyJsonValue => {
    if (frame.kind === 'object' && frame.order)
      Object.defineProperty(frame.value, ORDER, { value: frame.order, enumerable: false })
    return frame.value
  }
  const key = (frame: Frame & { kind: 'object' }) => {
    skip()
    frame.key = string()
    skip()
    i++ // ':'
    skip()
  }
  let result: PyJsonValue = null
  skip()
  for (;;) {
    // a value at i
    let v: PyJsonValue | undefined
    const c = text[i]
    if (c === '{' || c === '[') {
      i++
      skip()
      const frame: Frame = c === '{' ? { kind: 'object', value: {}, key: '' } : { kind: 'array', value: [] }
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++
        v = finish(frame)
      } else {
        stack.push(frame)
        if (frame.kind === 'object') key(frame)
        continue
      }
    } else if (c === '"') v = string()
    else if (text.startsWith('true', i)) {
      i += 4
      v = true
    } else if (text.startsWith('false', i)) {
      i += 5
      v = false
    } else if (text.startsWith('null', i)) {
      i += 4
      v = null
    } else if (text.startsWith('NaN', i)) {
      i += 3
      v = new PyFloat(Number.NaN)
    } else if (text.startsWith('Infinity', i) || text.startsWith('-Infinity', i)) {
      const negative = text[i] === '-'
      i += negative ? 9 : 8
      v = new PyFloat(negative ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY)
    } else v = number()
    // after a value: hand it to its container, close containers, or step to the next item
    for (;;) {
      const frame = stack.at(-1)
      if (!frame) {
        result = v
        return result
      }
      set(frame, v)
      skip()
      if (text[i] === ',') {
        i++
        skip()
        if (frame.kind === 'object') key(frame)
        break
      }
      i++ // the closing bracket
      stack.pop()
      v = finish(frame)
    }
  }
}

/** Python's `repr(float)`: the shortest digits that read back, fixed from 1e-4 up to 1e16, else `1e-07`. */
export function pyFloatRepr(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity'
  return floatText(
    x,
    (point) => point > -4 && point <= 16,
    (exp) => (exp < 0 ? `-${pad2(-exp)}` : `+${pad2(exp)}`),
  )
}

/** pydantic-core's float (Rust's ryu): fixed from 1e-5 up to 1e16, else `1e-7`, `1.5e300`. */
export function pydanticFloat(x: number): string {
  if (!Number.isFinite(x)) return 'null' // pydantic writes inf and nan as null (ser_json_inf_nan)
  return floatText(
    x,
    (point) => point > -5 && point <= 16,
    (exp) => String(exp),
  )
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/**
 * A float in fixed or exponent form. `point` is where the decimal point goes after the digits'
 * first (value = 0.digits × 10^point); `fixed(point)` says whether to write it without exponent.
 */
function floatText(x: number, fixed: (point: number) => boolean, exponent: (exp: number) => string): string {
  const sign = x < 0 || Object.is(x, -0) ? '-' : ''
  if (x === 0) return `${sign}0.0`
  const [mantissa, e] = Math.abs(x).toExponential().split('e') as [string, string]
  const digits = mantissa.replace('.', '')
  const point = Number(e) + 1
  if (!fixed(point)) {
    const rest = digits.slice(1)
    return `${sign}${digits[0]}${rest ? `.${rest}` : ''}e${exponent(point - 1)}`
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/** Which writer: Python's `json.dumps` (a success answer, the data log) or pydantic-core's (an error answer). */
export type PyJsonStyle = 'python' | 'pydantic'

/**
 * JSON text of `x` as Horizon writes it, compact: floats by `style`, `bigint` as digits, a `number`
 * with a fraction as a float (Python has no other), objects in {@link keyOrder}. Like
 * `JSON.stringify`, `toJSON` is called and undefined properties are left out.
 * @example
 * ```ts
 * writePyJson({ b: 1, a: new PyFloat(1e-7) }) // '{"b":1,"a":1e-07}'
 * writePyJson(new PyFloat(1e-7), 'pydantic') // '1e-7'
 * ```
 */
export function writePyJson(x: unknown, style: PyJsonStyle = 'python'): string {
  if (nativeWritable(x)) return JSON.stringify(x) // no float, bigint or kept key order: the same text, natively
  const float = style === 'python' ? pyFloatRepr : pydanticFloat
  const write = (v: unknown, key: string): string | undefined => {
    if (v instanceof PyFloat) return float(v.value)
    if (v instanceof RawJson) return v.text
    if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function')
      v = (v as { toJSON: (key: string) => unknown }).toJSON(key)
    if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf()
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v)
      case 'boolean':
        return v ? 'true' : 'false'
      case 'bigint':
        return v.toString()
      case 'number':
        if (!Number.isFinite(v)) return 'null'
        if (Number.isInteger(v)) return Math.abs(v) < 1e21 ? String(v) : BigInt(v).toString()
        return float(v)
      case 'undefined':
      case 'function':
      case 'symbol':
        return undefined
    }
    if (v === null) return 'null'
    if (Array.isArray(v)) return `[${v.map((item, i) => write(item, String(i)) ?? 'null').join(',')}]`
    const parts: string[] = []
    for (const k of keyOrder(v as object)) {
      const item = write((v as Record<string, unknown>)[k], k)
      if (item !== undefined) parts.push(`${JSON.stringify(k)}:${item}`)
    }
    return `{${parts.join(',')}}`
  }
  return write(x, '') ?? 'null'
}
