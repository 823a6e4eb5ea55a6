/** Request ids as Horizon makes them: the hex of a UUIDv7 (time-ordered), 32 characters. */

export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let ms = Date.now()
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256
    ms = Math.floor(ms / 256)
  }
  bytes[6] = 0x70 | (bytes[6]! & 0x0f) // version 7
  bytes[8] = 0x80 | (bytes[8]! & 0x3f) // RFC 4122 variant
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The caller's `X-Request-ID` when given (Horizon accepts any value), else a new one. */
export const requestIdOf = (header: string | undefined) => header || newRequestId()
