// `npm run demo` as a user runs it in a terminal: it builds, serves, and Ctrl-C (SIGINT to the whole
// foreground process group) ends it with status 0 and no error — not ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL,
// no "stopped" complaint, no deprecation line, no raw ANSI under NO_COLOR (issue 10).
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const withoutForceColor = (env) => {
  delete env.FORCE_COLOR
  return env
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

test('npm run demo serves the app, and Ctrl-C ends it quietly (the demo exits 0)', { timeout: 180_000 }, async () => {
  // detached: its own process group, as a shell gives a foreground job; the group gets the SIGINT.
  const child = spawn('npm', ['run', 'demo'], {
    cwd: root,
    detached: true,
    env: withoutForceColor({ ...process.env, NO_COLOR: '1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d) => {
    out += d
  })
  child.stderr.on('data', (d) => {
    out += d
  })
  // 'close', not 'exit': the output is complete only once every process of the group has closed it
  // (pnpm printed its ERR_PNPM line after npm had exited).
  const exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })))
  try {
    const ready = await Promise.race([
      (async () => {
        while (!out.includes('Ctrl-C stops everything')) await new Promise((r) => setTimeout(r, 100))
        return true
      })(),
      exited.then(() => false),
      new Promise((r) => setTimeout(() => r(false), 150_000).unref()),
    ])
    assert.ok(ready, `the demo never became ready:\n${out}`)
    const url = /Horizon admin \(demo data, in memory\): (\S+)/.exec(out)?.[1]
    assert.ok(url, `no app URL in:\n${out}`)
    const page = await fetch(url)
    assert.equal(page.status, 200)
    assert.match(await page.text(), /<div id="root">/)

    process.kill(-child.pid, 'SIGINT')
    const { code, signal } = await exited
    // The demo exits 0; npm then ends as Ctrl-C'd programs do (killed by SIGINT, or 130): the shell
    // prints nothing for either, and a calling script's loop stops as it should.
    assert.ok(code === 0 || code === 130 || signal === 'SIGINT', `ended with ${code ?? signal}:\n${out}`)
    assert.doesNotMatch(out, /ERR_PNPM|npm error|stopped \(|stopping the demo/i)
    assert.doesNotMatch(out, /deprecated/i)
    assert.ok(!out.includes(`${String.fromCharCode(27)}[`), 'raw ANSI despite NO_COLOR')
    await assert.rejects(fetch(url), 'the app server is still up after Ctrl-C')
  } finally {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {} // already gone: the normal case
  }
})
