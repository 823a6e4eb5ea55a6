/**
 * `/openapi.json`, `/docs` (Swagger UI) and `/docs/oauth2-redirect`, as Horizon's
 * `apply_openapi_middleware` adds them (FastAPI's `get_swagger_ui_html`), except that Swagger UI comes
 * from this server (`/static/swagger/…`, the `swagger-ui-dist` package) instead of a CDN, so the page
 * works offline. GET and HEAD only (405 `Allow: HEAD, GET` otherwise); a trailing slash redirects (307)
 * as Starlette does. Where there is no file system (a browser), these paths answer 404.
 */

import { type DocsFile, openapiDocument, SWAGGER_ASSETS, swaggerAsset } from './docs-files.js'
import { DetailError, errorResponse } from './errors.js'

const ASSET_PREFIX = '/static/swagger/'

// Relative URLs, so the page also works where the app is mounted under a prefix. From /docs,
// `openapi.json` is /openapi.json; from /docs/oauth2-redirect, `../static/…` is /static/….
const SWAGGER_HTML = `
    <!DOCTYPE html>
    <html>
    <head>
    <link type="text/css" rel="stylesheet" href="static/swagger/swagger-ui.css">
    <link rel="shortcut icon" href="static/swagger/favicon-32x32.png">
    <title>Horizon - Swagger UI</title>
    </head>
    <body>
    <div id="swagger-ui">
    </div>
    <script src="static/swagger/swagger-ui-bundle.js"></script>
    <!-- \`SwaggerUIBundle\` is now available on the page -->
    <script>
    const ui = SwaggerUIBundle({
        url: new URL('openapi.json', window.location.href).href,
    "dom_id": "#swagger-ui",
"layout": "BaseLayout",
"deepLinking": true,
"showExtensions": true,
"showCommonExtensions": true,
oauth2RedirectUrl: new URL('docs/oauth2-redirect', window.location.href).href,
    presets: [
        SwaggerUIBundle.presets.apis,
        SwaggerUIBundle.SwaggerUIStandalonePreset
        ],
    })
    </script>
    </body>
    </html>
    `

const OAUTH2_REDIRECT_HTML = `<!doctype html>
<html lang="en-US">
<head>
    <title>Swagger UI: OAuth2 Redirect</title>
</head>
<body>
<script src="../static/swagger/oauth2-redirect.js"></script>
</body>
</html>
`

const encoder = new TextEncoder()
const page = (html: string): DocsFile => ({ bytes: encoder.encode(html), etag: '' })
const PAGES = { swagger: page(SWAGGER_HTML), redirect: page(OAUTH2_REDIRECT_HTML) }
const HTML = 'text/html; charset=utf-8'

/** What a path serves: a loader and a content type, or undefined for a path that is not ours. */
const target = (path: string): { load: () => Promise<DocsFile | null>; type: string; etag: boolean } | undefined => {
  if (path === '/openapi.json') return { load: openapiDocument, type: 'application/json', etag: false }
  // The pages are static, but are answered only where the assets they load can be
  const withAssets = (file: DocsFile) => async () => ((await swaggerAsset('swagger-ui.css')) ? file : null)
  if (path === '/docs') return { load: withAssets(PAGES.swagger), type: HTML, etag: false }
  if (path === '/docs/oauth2-redirect') return { load: withAssets(PAGES.redirect), type: HTML, etag: false }
  if (path.startsWith(ASSET_PREFIX)) {
    const name = path.slice(ASSET_PREFIX.length)
    const type = Object.hasOwn(SWAGGER_ASSETS, name) ? SWAGGER_ASSETS[name] : undefined
    if (type) return { load: () => swaggerAsset(name), type, etag: true }
  }
  return undefined
}

/**
 * Answers a docs path, or undefined to let the request go on (not a docs path, or no file system).
 * @example
 * ```ts
 * app.use('*', async (c, next) => (await docs(c.req.raw, c.req.path)) ?? next())
 * ```
 */
export async function docs(request: Request, path: string): Promise<Response | undefined> {
  const exact = target(path)
  // Starlette's redirect_slashes: the path with its trailing slash removed, if that one is ours
  const slashless = !exact && path.endsWith('/') && path !== '/' ? path.replace(/\/+$/, '') : undefined
  const found = exact ?? (slashless === undefined ? undefined : target(slashless))
  if (!found) return undefined
  const file = await found.load()
  if (!file) return undefined
  if (!exact) {
    const url = new URL(request.url)
    return new Response(null, {
      status: 307,
      headers: { location: `${url.origin}${slashless}${url.search}`, 'content-length': '0' },
    })
  }
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return errorResponse(new DetailError(405, 'Method Not Allowed', { allow: 'HEAD, GET' }))
  const headers: Record<string, string> = { 'content-type': found.type, 'content-length': String(file.bytes.length) }
  if (found.etag) {
    headers.etag = file.etag
    if (request.headers.get('if-none-match') === file.etag)
      return new Response(null, { status: 304, headers: { etag: file.etag } })
  }
  return new Response(request.method === 'HEAD' ? null : file.bytes, { headers })
}
