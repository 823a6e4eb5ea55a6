/**
 * `next`, when it is a path of this site, else undefined: never an open redirect. Refused: anything
 * not starting with a single `/` (`//evil`, `https://evil`), backslashes (`/\evil`, which browsers
 * read as `//evil`), control characters, and whatever resolves to another origin.
 */
export function sameOriginPath(next: unknown, request: Request): string | undefined {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return undefined
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return undefined
  const base = new URL(request.url)
  let target: URL
  try {
    target = new URL(next, base)
  } catch {
    return undefined
  }
  if (target.origin !== base.origin) return undefined
  return target.pathname + target.search + target.hash
}
