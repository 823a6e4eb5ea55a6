/**
 * The UTF-8 size of a string, counted without encoding it (a lone surrogate counts 3, as it is sent
 * as U+FFFD). An answer's body stays a string: Node's HTTP writer sends a string body in the same
 * write as the head, while a byte array goes out as a second buffer (`writev`), which cost a third
 * of a small answer's time on loopback.
 */
export function utf8Length(text: string): number {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    if (c < 0x800) bytes += 1
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2 // a pair: 2 code units, 4 bytes
      i++
    } else bytes += 2
  }
  return bytes
}
