/**
 * 6. The first call of a fresh client: part of the client loads in chunks a client fetches when it is
 * made, and a first call made at once waits for them. Each sample is two new Node processes
 * (first-call-child.mjs), against the built dev server on loopback: one makes a client on LoginPassword
 * and calls it at once (when the chunks arrived, counted from the client's making; the first call;
 * a warm call), the other times the login such a first call needs, as raw fetch, equally cold.
 * Median of SAMPLES pairs with p10–p90.
 * Target (issue 15): the first call waits on the chunks no longer than on its login.
 * Run: `node first-call.bench.mjs` (after a build), or `pnpm bench`.
 */
import { fork } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { HorizonClient, LoginPassword } from '@horizon-ts/core'
import { startHorizonServer } from '@horizon-ts/server'
import { median, round, spread } from '../scripts/bench/stats.mjs'

const SAMPLES = Number(process.env.SAMPLES ?? 15)

export async function bench() {
  const server = await startHorizonServer({ port: 0 })
  try {
    const setup = new HorizonClient({
      baseUrl: server.url,
      auth: new LoginPassword({ login: 'bench', password: 'pw' }),
    })
    const ns = await setup.createNamespace({ name: 'first_call' }, { ifNotExists: true })
    const hwm = await setup.createHwm({ namespace_id: ns.id, name: 'h', type: 'column_int', value: 1 })
    const sample = (mode) => {
      const child = fork(new URL('./first-call-child.mjs', import.meta.url), [mode, server.url, String(hwm.id)], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
      return new Promise((resolve, reject) => {
        child.once('message', resolve)
        child.once('exit', (code) => code && reject(new Error(`first-call sample exited with ${code}`)))
      })
    }
    const samples = []
    // The two kinds take turns, so that load on the machine falls on both alike.
    for (let i = 0; i < SAMPLES; i++) samples.push({ ...(await sample('client')), ...(await sample('login')) })
    const pick = (k) => samples.map((s) => s[k])
    const rows = [
      ['chunks arrived (from the client made)', 'chunks'],
      ['a login on the wire, in a cold process', 'login'],
      ['first call (chunks, login, getHwm)', 'first'],
      ['a warm getHwm', 'warm'],
    ].map(([what, k]) => ({ case: what, 'median ms': round(median(pick(k)), 2), 'p10–p90 ms': spread(pick(k), 2) }))
    const ratio = median(samples.map((s) => s.chunks / s.login))
    const title = `6. The first call of a fresh client, LoginPassword, dev server on loopback: ${SAMPLES} processes, median`
    const targets = [
      {
        target: 'first call: the chunks arrive no later than the login it needs',
        measured: `${ratio.toFixed(2)}× the login (${round(median(pick('chunks')), 2)} ms against ${round(median(pick('login')), 2)} ms)`,
        ok: ratio <= 1,
      },
    ]
    console.log(title)
    console.table(Object.fromEntries(rows.map(({ case: c, ...rest }) => [c, rest])))
    for (const t of targets) console.log(`${t.target}: ${t.measured}${t.ok ? ' met' : ' NOT met'}`)
    return { title, rows, targets }
  } finally {
    await server.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bench()
