// `npm run demo -- --ssr`: one URL, whose first HTML answer is the app rendered on the server, and a
// session the Node server keeps (the demo script is run directly, as in demo-data.test.mjs).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { startGroup } from './process-group.mjs'

test('npm run demo -- --ssr prints one URL whose first HTML answer is server-rendered', {
  timeout: 240_000,
}, async () => {
  const group = startGroup(process.execPath, ['apps/demo/scripts/demo.mjs', '--ssr'], { ...process.env, NO_COLOR: '1' })
  try {
    await group.ready('Ctrl-C stops everything', 120_000)
    const urls = group.output().match(/https?:\/\/\S+/g) ?? []
    assert.equal(urls.length, 1, `one URL expected:\n${group.output()}`)
    const url = new URL(urls[0])
    assert.match(group.output(), /Horizon admin \(server-rendered, demo data, in memory\)/)

    // The first answer: to the login (no session yet), which arrives rendered.
    const first = await fetch(url, { redirect: 'manual' })
    assert.equal(first.status, 303)
    const login = await fetch(new URL(first.headers.get('location'), url))
    const html = await login.text()
    assert.match(html, /<div id="root">.*<form[^>]*aria-label="Log in with a password"/s)

    // Log in through the server; the namespaces page arrives with the seed's namespaces in it.
    const res = await fetch(new URL('/session/login', url), {
      method: 'POST',
      headers: { origin: url.origin, accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: 'alice' }),
    })
    assert.equal(res.status, 200)
    const cookie = res.headers.get('set-cookie').split(';')[0]
    const page = await (await fetch(new URL('/namespaces', url), { headers: { cookie } })).text()
    assert.match(page, /<div id="root">.*etl_sales/s)
  } finally {
    group.signal('SIGINT')
    assert.equal((await group.exited).code, 0, group.output())
  }
})
