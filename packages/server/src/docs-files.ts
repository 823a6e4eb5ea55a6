/**
 * The files `/openapi.json` and `/docs` serve: Horizon's OpenAPI document (shipped by
 * `@horizon-ts/core` in `openapi/openapi.json`) and Swagger UI's assets (`swagger-ui-dist`), read
 * from disk on first use. Node's modules are reached through `process.getBuiltinModule`, never an
 * `import`, so a browser bundle of `createHorizonApp` holds no `node:` import: there, where there is
 * no `process`, every file is absent and the docs routes answer 404.
 */

/** Swagger UI's files that `/static/swagger/` serves, and their content types. */
export const SWAGGER_ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-bundle.js.map': 'application/json',
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui.css.map': 'application/json',
  'oauth2-redirect.js': 'text/javascript; charset=utf-8',
  'favicon-16x16.png': 'image/png',
  'favicon-32x32.png': 'image/png',
}

/** A file read: its bytes and a tag that changes with the package version that holds it. */
export interface DocsFile {
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly etag: string
}

interface NodeModules {
  readonly fs: typeof import('node:fs')
  readonly path: typeof import('node:path')
  readonly require: NodeJS.Require
}

const load = (): NodeModules | null => {
  const get = (globalThis as { process?: Partial<NodeJS.Process> }).process?.getBuiltinModule
  if (typeof get !== 'function') return null
  try {
    const { createRequire } = get('node:module')
    return { fs: get('node:fs'), path: get('node:path'), require: createRequire(import.meta.url) }
  } catch {
    return null // a runtime with a `process` but not Node's modules
  }
}
let modules: NodeModules | null | undefined
const node = (): NodeModules | null => {
  if (modules === undefined) modules = load()
  return modules
}

/** The installed package's directory and version, or null when it cannot be found. */
const packageDir = (name: string): { dir: string; version: string } | null => {
  const n = node()
  if (!n) return null
  try {
    const manifest = n.require.resolve(`${name}/package.json`)
    const { version } = JSON.parse(n.fs.readFileSync(manifest, 'utf8')) as { version: string }
    return { dir: n.path.dirname(manifest), version }
  } catch {
    return null
  }
}

const cache = new Map<string, Promise<DocsFile | null>>()
const cached = (key: string, load: () => Promise<DocsFile | null>) => {
  let file = cache.get(key)
  if (!file) {
    file = load().catch(() => null)
    cache.set(key, file)
  }
  return file
}

/** A Swagger UI asset (a name of {@link SWAGGER_ASSETS}), or null without a file system. */
export function swaggerAsset(name: string): Promise<DocsFile | null> {
  return cached(`swagger:${name}`, async () => {
    const pkg = packageDir('swagger-ui-dist')
    const n = node()
    if (!pkg || !n) return null
    const bytes = await n.fs.promises.readFile(n.path.join(pkg.dir, name))
    return { bytes: new Uint8Array(bytes), etag: `"swagger-ui-dist@${pkg.version}/${name}"` }
  })
}

/**
 * JSON text without its whitespace, as Starlette's JSONResponse writes it (`json.dumps` with
 * `separators=(",", ":")`). Not `JSON.stringify(JSON.parse(text))`: that moves the integer-like keys
 * (`"200"`, `"422"`, `"401"` of each operation's responses) to the front, in numeric order.
 */
export function compactJson(text: string): string {
  let out = ''
  let start = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (inString) {
      if (ch === 0x5c)
        i++ // a backslash: the next character is escaped
      else if (ch === 0x22) inString = false
    } else if (ch === 0x22) inString = true
    else if (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) {
      out += text.slice(start, i)
      start = i + 1
    }
  }
  return out + text.slice(start)
}

/** Horizon's OpenAPI document as the real server writes it (compact JSON), or null without a file system. */
export function openapiDocument(): Promise<DocsFile | null> {
  return cached('openapi', async () => {
    const pkg = packageDir('@horizon-ts/core')
    const n = node()
    if (!pkg || !n) return null
    const text = await n.fs.promises.readFile(n.path.join(pkg.dir, 'openapi', 'openapi.json'), 'utf8')
    const bytes = new TextEncoder().encode(compactJson(text))
    return { bytes, etag: `"horizon-ts-core@${pkg.version}/openapi.json"` }
  })
}
