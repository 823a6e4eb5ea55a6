/**
 * Where Python's `json.loads` (C scanner) stops on invalid JSON, in code points. FastAPI reports that
 * position in its `json_invalid` 422 (`location: ["body", pos]`); V8's messages do not always carry one.
 */

class Stop {
  constructor(readonly at: number) {}
}

const WS = new Set([' ', '\t', '\n', '\r'])
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y
const HEX4 = /^[0-9a-fA-F]{4}$/

function scan(s: string): void {
  let i = 0
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
  /** `{` or `[` up to its closing bracket; `item` scans one member. */
  const container = (close: string, item: () => void) => {
    i++
    skip()
    if (s[i] === close) {
      i++
      return
    }
    for (;;) {
      item()
      skip()
      if (s[i] === close) {
        i++
        return
      }
      if (s[i] !== ',') throw new Stop(i) // Expecting ',' delimiter
      i++
      skip()
    }
  }
  const member = () => {
    if (s[i] !== '"') throw new Stop(i) // Expecting property name enclosed in double quotes
    string()
    skip()
    if (s[i] !== ':') throw new Stop(i) // Expecting ':' delimiter
    i++
    skip()
    value()
  }
  function value(): void {
    const c = s[i]
    if (c === '"') string()
    else if (c === '{') container('}', member)
    else if (c === '[') container(']', value)
    else {
      const word = ['null', 'true', 'false'].find((w) => s.startsWith(w, i))
      NUMBER.lastIndex = i
      if (word) i += word.length
      else if (NUMBER.test(s)) i = NUMBER.lastIndex
      else throw new Stop(i) // Expecting value
    }
  }
  skip()
  value()
  skip()
  if (i !== s.length) throw new Stop(i) // Extra data
}

/** The error position in code points, or -1 when `text` is valid JSON. */
export function jsonErrorPosition(text: string): number {
  try {
    scan(text)
    return -1
  } catch (error) {
    if (!(error instanceof Stop)) throw error
    return [...text.slice(0, error.at)].length
  }
}
