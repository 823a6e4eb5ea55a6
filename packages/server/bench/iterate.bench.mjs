/**
 * C: how long `client.iterateHwm` of @horizon-ts/core takes to read a namespace of 10,000 HWMs
 * from the built server with 5 ms added to every request (`server.setLatency(5)`), against its
 * latency bound, at concurrency 1, 4, 8 and 16. Target: within 1.3× the bound at concurrency 8.
 *
 * The bound: iterateHwm asks for pages of 50 (the largest Horizon serves), so 10,000 HWMs are
 * P = 200 pages. The first page comes alone (it tells how many there are); the other P − 1 come
 * `concurrency` at a time in a sliding window, so at best in ⌈(P − 1) / c⌉ waves. Each round trip
 * costs at least the 5 ms the server waits, so the scan cannot take less than
 * (1 + ⌈(P − 1) / c⌉) × 5 ms: 1,000 ms at c = 1, 255 ms at 4, 130 ms at 8, 70 ms at 16.
 * What is above the bound is the work of the server and client (serving and parsing 200 pages).
 *
 * The cases take turns, a different concurrency first each round; each reports its median scan.
 * Run: `pnpm bench` (builds first), or `node bench/iterate.bench.mjs` after a build.
 */
import { pathToFileURL } from 'node:url'
import { BearerToken, HorizonClient } from '@horizon-ts/core'
import { median, round, seededServer, spread } from './lib.mjs'

const HWMS = 10000
const LATENCY = 5
const PAGE = 50
const CONCURRENCIES = [1, 4, 8, 16]
const ROUNDS = Number(process.env.ROUNDS ?? 5)
const TARGET = 1.3

export const bound = (pages, c) => (1 + Math.ceil((pages - 1) / c)) * LATENCY

/** @param prepared a server already holding {@link HWMS} HWMs in one namespace (closed here) */
export async function bench(prepared) {
  const seeded = prepared ?? (await seededServer(HWMS))
  const { server, namespaceId } = seeded
  const client = new HorizonClient({ baseUrl: server.url, auth: new BearerToken(seeded.client.token) })
  const scan = async (concurrency) => {
    const started = performance.now()
    let n = 0
    for await (const _ of client.iterateHwm({ namespace_id: namespaceId }, { concurrency })) n++
    const ms = performance.now() - started
    if (n !== HWMS) throw new Error(`scanned ${n} HWMs, expected ${HWMS}`)
    return ms
  }
  const pages = Math.ceil(HWMS / PAGE)
  // The same walk with plain fetch and JSON.parse: what is left is the server's part of the cost.
  const auth = { authorization: `Bearer ${seeded.client.token}` }
  const page = async (n) => {
    const res = await fetch(`${server.url}/v1/hwm/?namespace_id=${namespaceId}&page_size=${PAGE}&page=${n}`, {
      headers: auth,
    })
    return JSON.parse(await res.text())
  }
  const rawScan = async (concurrency) => {
    const started = performance.now()
    const first = await page(1)
    let n = first.items.length
    let next = 2
    const worker = async () => {
      while (next <= first.meta.pages_count) {
        const { items } = await page(next++)
        n += items.length
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    if (n !== HWMS) throw new Error(`scanned ${n} HWMs, expected ${HWMS}`)
    return performance.now() - started
  }
  const cases = [
    ...CONCURRENCIES.map((c) => ({
      name: `concurrency ${c}, ${LATENCY} ms latency`,
      c,
      latency: LATENCY,
      run: () => scan(c),
    })),
    // Without latency: the work alone, the part of a scan no concurrency hides.
    { name: 'concurrency 8, no latency', c: 8, latency: 0, run: () => scan(8) },
    {
      name: `raw fetch + JSON.parse, 8 at a time, ${LATENCY} ms latency`,
      c: 8,
      latency: LATENCY,
      run: () => rawScan(8),
    },
  ]
  const samples = Object.fromEntries(cases.map((k) => [k.name, []]))
  let latency = -1
  const turn = async (k) => {
    if (latency !== k.latency) {
      latency = k.latency
      await server.setLatency(latency)
    }
    return k.run()
  }
  for (const k of cases) await turn(k) // warm-up
  for (let r = 0; r < ROUNDS; r++)
    for (let i = 0; i < cases.length; i++) {
      const k = cases[(r + i) % cases.length]
      samples[k.name].push(await turn(k))
    }
  seeded.client.close()
  await server.close()

  const rows = cases.map((k) => {
    const limit = k.latency ? bound(pages, k.c) : 0
    return {
      case: k.name,
      'scan ms': Math.round(median(samples[k.name])),
      'p10–p90 ms': spread(samples[k.name]),
      'bound ms': limit || '—',
      '× bound': limit ? round(median(samples[k.name]) / limit) : '',
    }
  })
  const ratio = median(samples[`concurrency 8, ${LATENCY} ms latency`]) / bound(pages, 8)
  const title = `C. client.iterateHwm over ${HWMS} HWMs (${pages} pages of ${PAGE}), ${LATENCY} ms per request: ${ROUNDS} rounds, median scan`
  const boundNote = `bound = (1 + ⌈(pages − 1) / concurrency⌉) × ${LATENCY} ms: the first page alone, then the other ${pages - 1} in waves of \`concurrency\``
  const verdict = `concurrency 8: ${ratio.toFixed(2)}× the latency bound (target ≤ ${TARGET}: ${ratio <= TARGET ? 'met' : 'NOT met'})`
  console.log(title)
  console.log(boundNote)
  console.table(Object.fromEntries(rows.map(({ case: c, ...rest }) => [c, rest])))
  console.log(verdict)
  const medians = Object.fromEntries(cases.map((k) => [k.name, median(samples[k.name])]))
  return { title, boundNote, rows, verdict, ratio, met: ratio <= TARGET, seeding: seeded.seeding, medians }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bench()
