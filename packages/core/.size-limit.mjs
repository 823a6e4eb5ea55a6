// The budgets CI enforces (npm test runs pnpm size). Bundled as an app's bundler does: ESM for the
// browser, dynamic imports left to load later (their chunks are ignored here and measured on their
// own), the same measure as pnpm bench's table 1.
const esm = (config) => ({ ...config, format: 'esm', platform: 'browser' })

export default [
  {
    modifyEsbuildConfig: esm,
    name: '@horizon-ts/core main entry, up front (ofetch included): the request chunk (input checks, the call pipeline, the login, the errors failures become) and the failure chunk (retry rules) load when a client is made; the schemas only with validateResponses: true; lossless-json only where the platform cannot parse big integers exactly',
    path: 'dist/index.js',
    import: '*',
    gzip: true,
    limit: '9 kB',
    ignore: ['./request-chunk-*', './failure-*', './response-check-*', './exact-*', 'lossless-json'],
  },
  {
    modifyEsbuildConfig: esm,
    name: '@horizon-ts/core: HorizonClient + LoginPassword, up front',
    path: 'dist/index.js',
    import: '{ HorizonClient, LoginPassword }',
    gzip: true,
    limit: '8.5 kB',
    ignore: ['./request-chunk-*', './failure-*', './response-check-*', './exact-*', 'lossless-json'],
  },
  {
    modifyEsbuildConfig: esm,
    name: '@horizon-ts/core: HorizonClient + BearerToken, up front',
    path: 'dist/index.js',
    import: '{ HorizonClient, BearerToken }',
    gzip: true,
    limit: '8.4 kB',
    ignore: ['./request-chunk-*', './failure-*', './response-check-*', './exact-*', 'lossless-json'],
  },
  {
    modifyEsbuildConfig: esm,
    name: '@horizon-ts/core: the request chunk a client fetches when it is made (constraint table and validator, call pipeline, login, error mapping), with what it shares with the main entry',
    path: 'dist/request-chunk-*.js',
    import: '*',
    gzip: true,
    limit: '7.5 kB',
    ignore: ['./response-check-*', './exact-*', 'lossless-json'],
  },
  {
    modifyEsbuildConfig: esm,
    name: '@horizon-ts/core/schemas (response schemas and checker)',
    path: 'dist/schemas.js',
    import: '*',
    gzip: true,
    limit: '3.5 kB',
  },
  {
    modifyEsbuildConfig: esm,
    name: '@horizon-ts/core/json (exact parse and stringify, lossless-json included)',
    path: 'dist/json.js',
    import: '*',
    gzip: true,
    limit: '3.6 kB',
  },
  {
    modifyEsbuildConfig: esm,
    name: '@horizon-ts/core/oidc: OidcLogin (oauth4webapi included; loaded only by apps that sign in with SSO)',
    path: 'dist/oidc.js',
    import: '{ OidcLogin }',
    gzip: true,
    limit: '10 kB',
  },
  {
    modifyEsbuildConfig: esm,
    name: '@horizon-ts/core/bff: SessionCookie (what the browser takes from /bff; the rest runs on the server)',
    path: 'dist/bff.js',
    import: '{ SessionCookie }',
    gzip: true,
    limit: '0.5 kB',
  },
  {
    modifyEsbuildConfig: esm,
    name: 'ofetch alone (baseline)',
    path: 'node_modules/ofetch/dist/index.mjs',
    import: '{ ofetch }',
    gzip: true,
    limit: '4.5 kB',
  },
]
