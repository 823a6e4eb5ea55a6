// Plain Node ESM, as a user runs it: every entry of the installed tarballs, a quickstart against the
// dev server started by the installed `horizon-server` bin, TanStack's query-core and React SSR on top.
// Runs in a throwaway project outside the workspace (scripts/consumer.mjs copies it there).
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import * as cli from '@horizon-ts/cli'
import * as core from '@horizon-ts/core'
import * as constraints from '@horizon-ts/core/constraints'
import * as json from '@horizon-ts/core/json'
import * as query from '@horizon-ts/core/query'
import * as schemas from '@horizon-ts/core/schemas'
import * as react from '@horizon-ts/react'
import * as server from '@horizon-ts/server'
import { MutationObserver, QueryClient } from '@tanstack/query-core'
import { QueryClientProvider, QueryClient as ReactQueryClient } from '@tanstack/react-query'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'

const BIG = 1733080000123456789n // beyond 2^53: must come back with every digit
let proc
let url

before(async () => {
  const bin = fileURLToPath(new URL('./node_modules/.bin/horizon-server', import.meta.url))
  proc = spawn(bin, ['--port', '0', '--seed', 'demo'], { stdio: ['ignore', 'pipe', 'inherit'] })
  url = await new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`horizon-server printed no URL in 15 s: ${out}`)), 15_000)
    proc.stdout.on('data', (chunk) => {
      out += chunk
      const m = /listening on (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    proc.once('exit', (code) => reject(new Error(`horizon-server exited (${code}): ${out}`)))
  })
})

after(async () => {
  if (!proc || proc.exitCode !== null) return
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill('SIGTERM')
  await exited
})

/** A new HWM holding `value`, in a namespace of its own (each test writes only its own data). */
async function freshHwm(client, name, value) {
  const ns = await client.createNamespace({ name: `consumer_${name}`, description: 'from the packed tarballs' })
  return client.createHwm({ namespace_id: ns.id, name, type: 'column_int', value })
}

const login = (name) =>
  new core.HorizonClient({ baseUrl: url, auth: new core.LoginPassword({ login: name, password: 'x' }) })

/** Asserts that `mod` exports each of `names` as a function. */
function exportsFunctions(label, mod, names) {
  for (const name of names) assert.equal(typeof mod[name], 'function', `${label} exports ${name}`)
}

test('every entry imports, with its named exports', () => {
  exportsFunctions('@horizon-ts/core', core, [
    'HorizonClient',
    'LoginPassword',
    'AccessToken',
    'HorizonError',
    'EntityNotFoundError',
  ])
  exportsFunctions('@horizon-ts/core/constraints', constraints, ['validate'])
  exportsFunctions('@horizon-ts/core/json', json, ['parseJson', 'stringifyJson'])
  exportsFunctions('@horizon-ts/core/query', query, [
    'horizonKeys',
    'horizonQueries',
    'horizonMutations',
    'horizonScope',
    'applyEffects',
  ])
  exportsFunctions('@horizon-ts/core/schemas', schemas, ['checkResponse'])
  exportsFunctions('@horizon-ts/react', react, ['HorizonProvider', 'useHwm', 'useHwmPage', 'useUpdateHwm', 'useLogin'])
  exportsFunctions('@horizon-ts/server', server, ['startHorizonServer', 'createHorizonApp'])
  exportsFunctions('@horizon-ts/cli', cli, ['run', 'runProcess', 'exitCodeOf'])
  assert.ok(Array.isArray(server.demoUsers))
  assert.equal(json.stringifyJson(json.parseJson(`{"offset":${BIG}}`)), `{"offset":${BIG}}`)
})

test('one copy of @horizon-ts/core: the app, react and server resolve the same files', () => {
  const require = createRequire(import.meta.url)
  const mine = realpathSync(require.resolve('@horizon-ts/core'))
  for (const pkg of ['@horizon-ts/react', '@horizon-ts/server', '@horizon-ts/cli']) {
    const theirs = createRequire(realpathSync(require.resolve(pkg))).resolve('@horizon-ts/core')
    assert.equal(realpathSync(theirs), mine, `${pkg} resolves another @horizon-ts/core`)
  }
})

test('quickstart against the installed horizon-server: create, update with a bigint, read the history', async () => {
  const client = login('admin')
  await client.authorize()
  const hwm = await freshHwm(client, 'quickstart', 100)
  const updated = await client.updateHwm(hwm.id, { value: BIG })
  assert.equal(updated.value, BIG)
  const history = await client.paginateHwmHistory({ hwm_id: hwm.id })
  assert.deepEqual(
    history.items.map((row) => [row.action, row.value]),
    [
      ['Updated', BIG],
      ['Created', 100],
    ],
  )
  await assert.rejects(client.getHwm(987654321), core.EntityNotFoundError)
})

/** Runs the installed `horizon` bin; resolves its exit code and output. */
function horizon(args, stdin = '') {
  const bin = fileURLToPath(new URL('./node_modules/.bin/horizon', import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      env: { ...process.env, HORIZON_URL: url, HORIZON_USER: 'admin', HORIZON_PASSWORD: 'x' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

test('the installed horizon bin: an HWM set from stdin, read back and exported with every digit', async () => {
  assert.deepEqual(await horizon(['ns', 'create', 'consumer_cli', '--json']).then((r) => r.code), 0)
  const set = await horizon(['hwm', 'set', 'consumer_cli', 'offset', '-', '--type', 'column_int'], `${BIG}\n`)
  assert.equal(set.code, 0, set.stderr)
  const got = await horizon(['hwm', 'get', 'consumer_cli', 'offset', '--json'])
  assert.match(got.stdout, new RegExp(`"value": ${BIG},`))
  const exported = await horizon(['export', 'consumer_cli'])
  assert.match(exported.stdout, /"format": "horizon-ts.hwm-export"/)
  assert.match(exported.stdout, new RegExp(`"value": ${BIG},`))
  assert.equal((await horizon(['hwm', 'get', 'consumer_cli', 'nope'])).code, 3)
})

test('@tanstack/query-core: typed keys, fetchQuery, a mutation writing the cache', async () => {
  const client = login('admin')
  const hwm = await freshHwm(client, 'query_core', 1)
  const queryClient = new QueryClient()
  const keys = query.horizonKeys(client)
  const fetched = await queryClient.fetchQuery(query.horizonQueries(client).hwm(hwm.id))
  assert.equal(queryClient.getQueryData(keys.hwm(hwm.id)), fetched)
  // mutationFn reads TanStack's { client } context (query-core ≥ 5.89)
  const observer = new MutationObserver(queryClient, query.horizonMutations(client).updateHwm())
  const next = 7n ** 30n
  await observer.mutate([hwm.id, { value: next }])
  assert.equal(queryClient.getQueryData(keys.hwm(hwm.id)).value, next)
})

test('@horizon-ts/react: a hook renders on the server from a prefetched cache', async () => {
  const client = login('admin')
  const hwm = await freshHwm(client, 'react_ssr', BIG)
  const queryClient = new ReactQueryClient()
  await queryClient.prefetchQuery(query.horizonQueries(client).hwm(hwm.id))
  function View() {
    const { data } = react.useHwm(hwm.id)
    return createElement('p', null, `${data?.name}: ${String(data?.value)}`)
  }
  const html = renderToString(
    createElement(
      QueryClientProvider,
      { client: queryClient },
      createElement(react.HorizonProvider, { client }, createElement(View)),
    ),
  )
  assert.ok(html.includes(`react_ssr: ${BIG}`), html)
})

test('every installed package.json carries what a registry page and a bundler need', () => {
  const require = createRequire(import.meta.url)
  for (const p of ['core', 'react', 'server']) {
    const dir = realpathSync(new URL(`./node_modules/@horizon-ts/${p}`, import.meta.url))
    const pkg = require(`${dir}/package.json`)
    assert.equal(pkg.license, 'Apache-2.0', p)
    for (const field of ['description', 'homepage', 'bugs', 'repository', 'keywords', 'engines', 'exports'])
      assert.ok(pkg[field], `@horizon-ts/${p} has no ${field}`)
    assert.ok(pkg.sideEffects === false || Array.isArray(pkg.sideEffects), `@horizon-ts/${p}: sideEffects`)
    assert.match(pkg.engines.node, /20\.19/, `@horizon-ts/${p}: engines.node`)
    assert.equal(pkg.repository.directory, `packages/${p}`)
    assert.match(readFileSync(`${dir}/LICENSE`, 'utf8'), /Apache License/)
    assert.match(readFileSync(`${dir}/CHANGELOG.md`, 'utf8'), new RegExp(`## ${pkg.version.replaceAll('.', '\\.')}`))
    assert.ok(!JSON.stringify(pkg).includes('workspace:'), `@horizon-ts/${p} names a workspace: range`)
  }
})
