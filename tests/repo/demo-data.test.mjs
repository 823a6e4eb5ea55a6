// `npm run demo -- --data <dir>`: a namespace made in one run of the demo is there in the next (the
// dev server's data log), reached as the app reaches it, through the demo's /horizon-api proxy.
// The demo script is run directly (`npm run demo` forwards its arguments to it) to skip the install
// and build steps that demo.test.mjs already covers.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Starts the demo with `args`; resolves with its app URL and a stop function once it is ready. */
async function demo(args) {
  const child = spawn(process.execPath, ['apps/demo/scripts/demo.mjs', ...args], {
    cwd: root,
    detached: true,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d) => {
    out += d
  })
  child.stderr.on('data', (d) => {
    out += d
  })
  const exited = new Promise((resolve) => child.once('close', (code) => resolve(code)))
  const until = Date.now() + 90_000
  while (!out.includes('Ctrl-C stops everything') && Date.now() < until && child.exitCode === null)
    await new Promise((r) => setTimeout(r, 100))
  const url = /Horizon admin \(data kept in [^)]+\): (\S+)/.exec(out)?.[1]
  if (!url) {
    process.kill(-child.pid, 'SIGKILL')
    assert.fail(`the demo did not start with its data file:\n${out}`)
  }
  return {
    url,
    async stop() {
      process.kill(-child.pid, 'SIGINT')
      assert.equal(await exited, 0, out)
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
