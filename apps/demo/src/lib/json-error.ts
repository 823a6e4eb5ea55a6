/**
 * Where JSON text stops being valid. The platform's parse errors name a position in some engines
 * and not in others (and lossless-json words them its own way), so the offset comes from this small
 * scanner instead: the same grammar (RFC 8259), only the place of the first fault.
 */

/** The offset of the first character that makes `text` invalid JSON, or null when it is valid. */
export function jsonErrorOffset(text: string): number | null {
  let i = 0
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++
  }
  const fail = (at = i): never => {
    throw at
  }
  const literal = (word: string) => {
    for (const c of word)
      if (text.charAt(i) === c) i++
      else fail()
  }
  const digits = () => {
    const start = i
    while (/[0-9]/.test(text.charAt(i))) i++
    if (i === start) fail()
  }
  const number = () => {
    if (text.charAt(i) === '-') i++
    if (text.charAt(i) === '0') i++
    else digits()
    if (text.charAt(i) === '.') {
      i++
      digits()
    }
    if (/[eE]/.test(text.charAt(i))) {
      i++
      if (/[+-]/.test(text.charAt(i))) i++
      digits()
    }
  }
  const string = () => {
    i++ // the opening quote
    for (;;) {
      if (i >= text.length) fail()
      const c = text.charCodeAt(i)
      if (c === 0x22) return void i++
      if (c < 0x20) fail()
      if (c === 0x5c) {
        i++
        const e = text.charAt(i)
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text.charAt(i + k))) fail(i + k)
          i += 5
        } else if ('"\\/bfnrt'.includes(e) && e) i++
        else fail()
      } else i++
    }
  }
  const value = (): void => {
    ws()
    const c = text.charAt(i)
    if (c === '{') {
      i++
      ws()
      if (text.charAt(i) === '}') return void i++
      for (;;) {
        ws()
        if (text.charAt(i) !== '"') fail()
        string()
        ws()
        if (text.charAt(i) !== ':') fail()
        i++
        value()
        ws()
        if (text.charAt(i) === ',') i++
        else if (text.charAt(i) === '}') return void i++
        else fail()
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text.charAt(i) === ']') return void i++
      for (;;) {
        value()
        ws()
        if (text.charAt(i) === ',') i++
        else if (text.charAt(i) === ']') return void i++
        else fail()
      }
    }
    if (c === '"') string()
    else if (c === 't') literal('true')
    else if (c === 'f') literal('false')
    else if (c === 'n') literal('null')
    else if (c === '-' || /[0-9]/.test(c)) number()
    else fail()
  }
  try {
    value()
    ws()
    return i < text.length ? i : null
  } catch (at) {
    return Math.min(at as number, text.length)
  }
}

/** 1-based line and column of `offset` in `text`, as editors count them. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}
