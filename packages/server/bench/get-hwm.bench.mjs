/**
 * A (and D for reads): requests per second of an authenticated `GET /v1/hwm/{id}` on the built
 * server, against a bare Hono app on the same adapter (@hono/node-server) answering the same JSON
 * body, and against the server with its data log on (`data: <dir>`) when it has that option.
 * Target: at least 0.5× the bare app.
 *
 * Every server runs in a child process of its own; autocannon, in this process, drives each in turn
 * with the same connections and pipelining, a different server first each round, and each reports
 * its median round. Run: `pnpm bench` (builds first), or `node bench/get-hwm.bench.mjs` after a build.
 */
import { pathToFileURL } from 'node:url'
import autocannon from 'autocannon'
import { dataPath, median, round, seededServer, spawnServer, spread } from './lib.mjs'

const ROUNDS = Number(process.env.ROUNDS ?? 5)
const SECONDS = Number(process.env.SECONDS ?? 3)
const CONNECTIONS = 10
const PIPELINING = 1
const TARGET = 0.5

/** One autocannon run; refuses any answer but 2xx, so an error page is never counted as speed. */
async function load(url, headers, duration) {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, pipelining: PIPELINING, duration })
  if (result.non2xx || result.errors || result.timeouts)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`)
  return result.requests.total / result.duration
}

/** A server of a few HWMs and the URL and headers of an authenticated read of one of them. */
async function horizonTarget(extra) {
  const seeded = await seededServer(100, extra)
  const page = await seeded.client.json('GET', `/v1/hwm/?namespace_id=${seeded.namespaceId}&page_size=1`)
  const id = page.items[0].id
  // A write, so a server with a data log has something to show in it.
  await seeded.client.json('PATCH', `/v1/hwm/${id}`, { value: 123 })
  const body = await seeded.client.json('GET', `/v1/hwm/${id}`)
  seeded.client.close()
  return {
    url: `${seeded.server.url}/v1/hwm/${id}`,
    headers: { authorization: `Bearer ${seeded.client.token}` },
    body,
    close: () => seeded.server.close(),
  }
}

export async function bench() {
  const data = dataPath()
  const targets = {}
  targets['@horizon-ts/server'] = await horizonTarget({})
  const bareServer = await spawnServer({ kind: 'bare', body: targets['@horizon-ts/server'].body })
  targets['bare Hono, same body'] = {
    url: `${bareServer.url}/v1/hwm/1`,
    headers: {},
    close: () => bareServer.close(),
  }
  const withData = await horizonTarget({ data: data.path })
  let dataNote = ''
  if (data.written()) targets['@horizon-ts/server, data log on'] = withData
  else {
    dataNote = 'n/a (no data option)'
    await withData.close()
  }

  const names = Object.keys(targets)
  const samples = Object.fromEntries(names.map((n) => [n, []]))
  for (const name of names) await load(targets[name].url, targets[name].headers, 1) // warm-up
  for (let r = 0; r < ROUNDS; r++)
    for (let i = 0; i < names.length; i++) {
      const name = names[(r + i) % names.length]
      samples[name].push(await load(targets[name].url, targets[name].headers, SECONDS))
    }
  for (const name of names) await targets[name].close()
  data.remove()

  // Ratios round by round (the cases of a round run back to back), then their median: a load that
  // drifts over the run then moves both sides of a ratio alike.
  const perRound = (n, base) => samples[n].map((x, r) => x / samples[base][r])
  const BARE = 'bare Hono, same body'
  const rows = names.map((n) => ({
    case: n,
    'req/s': Math.round(median(samples[n])),
    'p10–p90 req/s': spread(samples[n]),
    '× bare Hono': round(median(perRound(n, BARE))),
    'p10–p90 ×': spread(perRound(n, BARE), 2),
  }))
  if (dataNote) rows.push({ case: '@horizon-ts/server, data log on', 'req/s': dataNote })
  const ratio = median(perRound('@horizon-ts/server', BARE))
  const dataRatio = dataNote ? undefined : median(perRound('@horizon-ts/server, data log on', '@horizon-ts/server'))
  const title = `A. GET /v1/hwm/{id}, authenticated: ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections, pipelining ${PIPELINING}, median round; × is the median of the rounds' ratios`
  const verdict = `server: ${ratio.toFixed(2)}× bare Hono (target ≥ ${TARGET}: ${ratio >= TARGET ? 'met' : 'NOT met'})`
  const dataVerdict = dataNote
    ? `data log: ${dataNote}`
    : `data log on: ${dataRatio.toFixed(2)}× the server without it (reads do not touch the log: ~1× expected)`
  console.log(title)
  console.table(Object.fromEntries(rows.map(({ case: c, ...rest }) => [c, rest])))
  console.log(verdict)
  console.log(dataVerdict)
  const medians = Object.fromEntries(names.map((n) => [n, median(samples[n])]))
  return { title, rows, verdict, dataVerdict, met: ratio >= TARGET, ratio, dataRatio, medians }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bench()
