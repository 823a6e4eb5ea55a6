// CommonJS, as a user's require() sees the installed tarballs (Node ≥ 20.19 / 22.12 load ESM in require).
const assert = require('node:assert/strict')
const { test } = require('node:test')
const { createElement } = require('react')
const { renderToString } = require('react-dom/server')
const { QueryClient, QueryClientProvider } = require('@tanstack/react-query')
const core = require('@horizon-ts/core')
const constraints = require('@horizon-ts/core/constraints')
const json = require('@horizon-ts/core/json')
const query = require('@horizon-ts/core/query')
const schemas = require('@horizon-ts/core/schemas')
const react = require('@horizon-ts/react')
const server = require('@horizon-ts/server')

test('require() gives every entry', () => {
  assert.equal(typeof core.HorizonClient, 'function')
  assert.equal(typeof constraints.validate, 'function')
  assert.equal(typeof json.parseJson, 'function')
  assert.equal(typeof query.horizonKeys, 'function')
  assert.equal(typeof schemas.checkResponse, 'function')
  assert.equal(typeof react.useHwm, 'function')
  assert.equal(typeof server.startHorizonServer, 'function')
  assert.equal(require('@horizon-ts/core/package.json').name, '@horizon-ts/core')
})

test('require() and import() give the same module (no dual-package copy)', async () => {
  const esm = await import('@horizon-ts/core')
  assert.equal(core.HorizonClient, esm.HorizonClient)
  assert.equal(query.horizonKeys, (await import('@horizon-ts/core/query')).horizonKeys)
})

test('a server from require(@horizon-ts/server) answers a required client; errors are typed', async (t) => {
  const srv = await server.startHorizonServer({ port: 0, seed: 'demo' })
  t.after(() => srv.close())
  const client = new core.HorizonClient({
    baseUrl: srv.url,
    auth: new core.LoginPassword({ login: 'alice', password: 'x' }),
  })
  assert.equal((await client.whoami()).username, 'alice')
  await assert.rejects(client.getHwm(987654321), (e) => e instanceof core.EntityNotFoundError && e.status === 404)
})

test('react hooks required next to a required @tanstack/react-query find its QueryClient', async (t) => {
  const srv = await server.startHorizonServer({ port: 0, seed: 'demo' })
  t.after(() => srv.close())
  const client = new core.HorizonClient({
    baseUrl: srv.url,
    auth: new core.LoginPassword({ login: 'admin', password: 'x' }),
  })
  const queryClient = new QueryClient()
  await queryClient.prefetchQuery(query.horizonQueries(client).whoami())
  function Me() {
    const { data } = react.useWhoami()
    return createElement('p', null, `me: ${data?.username}`)
  }
  const html = renderToString(
    createElement(
      QueryClientProvider,
      { client: queryClient },
      createElement(react.HorizonProvider, { client }, createElement(Me)),
    ),
  )
  assert.ok(html.includes('me: admin'), html)
})
