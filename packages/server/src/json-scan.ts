/**
 * Python's `json.loads` (C scanner) over a body, without building it: where it stops on invalid
 * JSON (in code points: FastAPI reports that position in its `json_invalid` 422, `location:
 * ["body", pos]`, and V8's messages do not always carry one), and whether it gives up before that:
 * nesting of 9,991 containers (Python's C recursion limit, measured on the real Horizon 1.1.3) or an
 * integer of more than 4,300 digits (Python's int conversion limit) — FastAPI answers those 400.
 * Iterative, so any nesting is scanned without recursion.
 */

/** The deepest nesting of arrays and objects Python's parser accepts in a Horizon 1.1.3 body. */
export const MAX_PARSE_NESTING = 9990
/** The most digits Python (≥ 3.11) converts to an int; a longer integer literal is a ValueError. */
export const MAX_INT_DIGITS = 4300

/** What scanning found: the body is valid, invalid at a position, or something Python gives up on. */
export type Scan =
  | { kind: 'valid' /** `[start, end)` of integer literals beyond ±(2^53 − 1) */; bigIntegers: Array<[number, number]> }
  | { kind: 'invalid' /** in code points */; at: number }
  | { kind: 'undecodable' }

class Stop {
  constructor(readonly at: number) {}
}
class GiveUp {}

const WS = new Set([' ', '\t', '\n', '\r'])
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y
const HEX4 = /^[0-9a-fA-F]{4}$/
const WORDS = ['null', 'true', 'false', 'NaN', 'Infinity', '-Infinity']

function scan(s: string, bigIntegers: Array<[number, number]>): void {
  let i = 0
  /** the closing bracket of each open container, innermost last */
  const open: string[] = []
  const skip = () => {
    while (i < s.length && WS.has(s[i]!)) i++
  }
  const string = () => {
    const begin = i++
    for (;;) {
      while (i < s.length && s[i] !== '"' && s[i] !== '\\') {
        if (s.charCodeAt(i) <= 0x1f) throw new Stop(i) // Invalid control character
        i++
      }
      if (i >= s.length) throw new Stop(begin) // Unterminated string
      if (s[i] === '"') {
        i++
        return
      }
      const next = i + 1
      if (next >= s.length) throw new Stop(begin)
      if (s[next] === 'u') {
        // Python wants 4 hex digits and at least one more character after them.
        if (next + 5 >= s.length || !HEX4.test(s.slice(next + 1, next + 5))) throw new Stop(next)
        i = next + 5
      } else if (ESCAPES.has(s[next]!)) i = next + 1
      else throw new Stop(i) // Invalid \escape
    }
  }
  /** a member's key and colon; `i` is on the key's opening quote */
  const key = () => {
    if (s[i] !== '"') throw new Stop(i) // Expecting property name enclosed in double quotes
    string()
    skip()
    if (s[i] !== ':') throw new Stop(i) // Expecting ':' delimiter
    i++
    skip()
  }
  /** a scalar at `i`, or the opening of a container (true when one was opened and holds items) */
  const value = (): boolean => {
    const c = s[i]
    if (c === '{' || c === '[') {
      if (open.length >= MAX_PARSE_NESTING) throw new GiveUp() // RecursionError
      const close = c === '{' ? '}' : ']'
      i++
      skip()
      if (s[i] === close) {
        i++
        return false
      }
      open.push(close)
      if (close === '}') key()
      return true
    }
    if (c === '"') string()
    else {
      // Python's json also reads NaN, Infinity and -Infinity (as floats)
      const word = WORDS.find((w) => s.startsWith(w, i))
      NUMBER.lastIndex = i
      const number = word ? null : NUMBER.exec(s)
      if (word) i += word.length
      else if (number) {
        const start = i
        i = NUMBER.lastIndex
        if (number[1] === undefined && number[2] === undefined) {
          const digits = i - start - (s[start] === '-' ? 1 : 0)
          if (digits > MAX_INT_DIGITS) throw new GiveUp() // ValueError: Exceeds the limit (4300 digits)
          if (digits >= 16 && !Number.isSafeInteger(Number(number[0]))) bigIntegers.push([start, i])
        }
      } else throw new Stop(i) // Expecting value
    }
    return false
  }
  skip()
  for (;;) {
    if (value()) continue // a container was opened: its first item comes next
    // after a value: close containers, or step to the next item
    for (;;) {
      const close = open.at(-1)
      if (close === undefined) {
        skip()
        if (i !== s.length) throw new Stop(i) // Extra data
        return
      }
      skip()
      if (s[i] === close) {
        i++
        open.pop()
        continue
      }
      if (s[i] !== ',') throw new Stop(i) // Expecting ',' delimiter
      const comma = i++
      skip()
      // Python 3.13: "Illegal trailing comma before end of object/array", at the comma
      if (s[i] === close) throw new Stop(comma)
      if (close === '}') key()
      break
    }
  }
}

/** Scans `text` as Python's `json.loads` would read it. */
export function scanJson(text: string): Scan {
  const bigIntegers: Array<[number, number]> = []
  try {
    scan(text, bigIntegers)
    return { kind: 'valid', bigIntegers }
  } catch (error) {
    if (error instanceof GiveUp) return { kind: 'undecodable' }
    if (!(error instanceof Stop)) throw error
    return { kind: 'invalid', at: [...text.slice(0, error.at)].length }
  }
}
