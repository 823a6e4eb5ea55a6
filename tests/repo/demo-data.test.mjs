// `npm run demo -- --data <dir>`: a namespace made in one run of the demo is there in the next (the
// dev server's data log), reached as the app reaches it, through the demo's /horizon-api proxy.
// The demo script is run directly (`npm run demo` forwards its arguments to it) to skip the install
// and build steps that demo.test.mjs already covers.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { startGroup } from './process-group.mjs'

/** Starts the demo with `args`; resolves with its app URL and a stop function once it is ready. */
async function demo(args) {
  const group = startGroup(process.execPath, ['apps/demo/scripts/demo.mjs', ...args], { ...process.env, NO_COLOR: '1' })
  await group.ready('Ctrl-C stops everything', 90_000)
  const url = /Horizon admin \(data kept in [^)]+\): (\S+)/.exec(group.output())?.[1]
  if (!url) {
    group.signal('SIGKILL')
    assert.fail(`the demo did not start with its data file:\n${group.output()}`)
  }
  return {
    url,
    async stop() {
      group.signal('SIGINT')
      assert.equal((await group.exited).code, 0, group.output())
    },
  }
}

const api = (url, path, init) => fetch(new URL(`horizon-api${path}`, url), init)

async function login(url) {
  const res = await api(url, '/v1/auth/token', {
    method: 'POST',
    body: new URLSearchParams({ username: 'alice', password: 'x' }),
  })
  assert.equal(res.status, 200)
  return { authorization: `Bearer ${(await res.json()).access_token}` }
}

test('npm run demo -- --data keeps what was made in one run for the next', { timeout: 240_000 }, async () => {
  const data = mkdtempSync(join(tmpdir(), 'demo-data-'))
  const name = `kept_${Date.now()}`
  let run = await demo(['--data', data])
  try {
    const headers = { ...(await login(run.url)), 'content-type': 'application/json' }
    const made = await api(run.url, '/v1/namespaces/', { method: 'POST', headers, body: JSON.stringify({ name }) })
    assert.equal(made.status, 201)
  } finally {
    await run.stop()
  }
  assert.match(readFileSync(join(data, 'horizon-data.jsonl'), 'utf8'), new RegExp(name))

  run = await demo(['--data', data])
  try {
    const res = await api(run.url, `/v1/namespaces/?name=${name}`, { headers: await login(run.url) })
    const page = await res.json()
    assert.equal(page.meta.total_count, 1, JSON.stringify(page))
    // the demo seed was written to the file on the first run and is still there
    const all = await (await api(run.url, '/v1/namespaces/?name=etl_sales', { headers: await login(run.url) })).json()
    assert.equal(all.meta.total_count, 1)
  } finally {
    await run.stop()
  }
})
