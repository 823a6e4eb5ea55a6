// `npm run demo` as a user runs it in a terminal: it builds, serves, and Ctrl-C (SIGINT to the whole
// foreground process group) ends it with status 0 and no error — not ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL,
// no "stopped" complaint, no deprecation line, no raw ANSI under NO_COLOR (issue 10).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { startGroup } from './process-group.mjs'

const withoutForceColor = (env) => {
  delete env.FORCE_COLOR
  return env
}

test('npm run demo serves the app, and Ctrl-C ends it quietly (the demo exits 0)', { timeout: 180_000 }, async () => {
  const demo = startGroup('npm', ['run', 'demo'], withoutForceColor({ ...process.env, NO_COLOR: '1' }))
  const { exited } = demo
  try {
    const ready = await demo.ready('Ctrl-C stops everything', 150_000)
    let out = demo.output()
    assert.ok(ready, `the demo never became ready:\n${out}`)
    const url = /Horizon admin \(demo data, in memory\): (\S+)/.exec(out)?.[1]
    assert.ok(url, `no app URL in:\n${out}`)
    const page = await fetch(url)
    assert.equal(page.status, 200)
    assert.match(await page.text(), /<div id="root">/)

    demo.signal('SIGINT')
    const { code, signal } = await exited
    out = demo.output()
    // The demo exits 0; npm then ends as Ctrl-C'd programs do (killed by SIGINT, or 130): the shell
    // prints nothing for either, and a calling script's loop stops as it should.
    assert.ok(code === 0 || code === 130 || signal === 'SIGINT', `ended with ${code ?? signal}:\n${out}`)
    assert.doesNotMatch(out, /ERR_PNPM|npm error|stopped \(|stopping the demo/i)
    assert.doesNotMatch(out, /deprecated/i)
    assert.ok(!out.includes(`${String.fromCharCode(27)}[`), 'raw ANSI despite NO_COLOR')
    await assert.rejects(fetch(url), 'the app server is still up after Ctrl-C')
  } finally {
    try {
      demo.signal('SIGKILL')
    } catch {} // already gone: the normal case
  }
})
