/**
 * B (and D for writes): what a write costs as a namespace grows. Two servers, one holding a
 * namespace of 800 HWMs, the other of 9,800; each gets 200 sequential creates (its HWMs number 801
 * to 1,000 and 9,801 to 10,000: the 1,000th and the 10,000th), then 200 sequential updates of those
 * HWMs. One keep-alive connection per server, so each latency is one request alone on the server.
 * The two servers take turns in turns of 5 requests, a different one first each round, so a burst
 * of load on the machine lands on both. Target: the 10,000th costs at most 1.5× the 1,000th.
 * Repeated with the data log on (`data: <dir>`) when the server has that option.
 * Run: `pnpm bench` (builds first), or `node bench/writes.bench.mjs` after a build.
 */
import { pathToFileURL } from 'node:url'
import { dataPath, hwmBody, median, round, seededServer, spread } from './lib.mjs'

const SMALL = 1000
const LARGE = 10000
const BATCH = 200
const PER_TURN = 5
const TARGET = 1.5

/** Latency in ms of each of `count` sequential calls of `call(i)`. */
async function timed(from, count, call) {
  const out = []
  for (let i = from; i < from + count; i++) {
    const started = performance.now()
    await call(i)
    out.push(performance.now() - started)
  }
  return out
}

/**
 * Creates then updates on both sizes, in alternating turns.
 * @returns per-size latencies, and the servers (open: the caller closes them or reads on)
 */
async function measure(extra, data) {
  const small = await seededServer(SMALL - BATCH, extra)
  if (data && !data.written()) {
    // Seeded without a request: one write shows whether the server keeps a log at that path.
    const probe = await small.client.json('POST', '/v1/hwm/', hwmBody(small.namespaceId, 'probe', 0))
    await small.client.json('DELETE', `/v1/hwm/${probe.id}`)
    if (!data.written()) {
      small.client.close()
      await small.server.close()
      return undefined
    }
  }
  // A log of its own for each server: two servers on one path would share (or fight over) one file.
  const large = await seededServer(LARGE - BATCH, data ? { ...extra, data: data.second.path } : extra)
  const sizes = { [SMALL]: small, [LARGE]: large }
  const created = { [SMALL]: [], [LARGE]: [] }
  const lat = { create: { [SMALL]: [], [LARGE]: [] }, update: { [SMALL]: [], [LARGE]: [] } }
  // warm-up: reads, so the data stays at the sizes measured
  for (const s of Object.values(sizes))
    for (let i = 0; i < 200; i++) await s.client.json('GET', `/v1/hwm/?namespace_id=${s.namespaceId}&page_size=1`)
  const turns = BATCH / PER_TURN
  for (const op of ['create', 'update'])
    for (let t = 0; t < turns; t++)
      for (const size of t % 2 ? [LARGE, SMALL] : [SMALL, LARGE]) {
        const { client, namespaceId } = sizes[size]
        const call =
          op === 'create'
            ? async (i) =>
                created[size].push((await client.json('POST', '/v1/hwm/', hwmBody(namespaceId, `bench-${i}`, i))).id)
            : (i) => client.json('PATCH', `/v1/hwm/${created[size][i]}`, { value: 5000 + i })
        lat[op][size].push(...(await timed(t * PER_TURN, PER_TURN, call)))
      }
  const count = await large.client.json('GET', `/v1/hwm/?namespace_id=${large.namespaceId}&page_size=1`)
  if (count.meta.total_count !== LARGE) throw new Error(`expected ${LARGE} HWMs, found ${count.meta.total_count}`)
  return { lat, small, large, seeding: small.seeding }
}

/**
 * @param keepLarge when true, the in-memory server of 10,000 HWMs is handed back open (for the scan bench)
 */
export async function bench({ keepLarge = false } = {}) {
  const variants = [{ name: 'in memory', extra: {} }]
  const data = dataPath()
  data.second = dataPath()
  variants.push({ name: 'data log on', extra: { data: data.path }, data })
  const rows = []
  const verdicts = []
  let kept
  let seeding
  const ratios = {}
  const medians = {}
  for (const v of variants) {
    const result = await measure(v.extra, v.data)
    if (!result) {
      for (const op of ['create', 'update'])
        rows.push({ case: `${op}, ${v.name}`, [`${SMALL}th ms`]: 'n/a (no data option)' })
      verdicts.push(`${v.name}: n/a (no data option)`)
      continue
    }
    seeding ??= result.seeding
    for (const op of ['create', 'update']) {
      const a = result.lat[op][SMALL]
      const b = result.lat[op][LARGE]
      const ratio = median(b) / median(a)
      ratios[`${op}, ${v.name}`] = ratio
      medians[`${op}, ${v.name}`] = { small: median(a), large: median(b) }
      rows.push({
        case: `${op}, ${v.name}`,
        [`${SMALL}th ms`]: round(median(a), 3),
        [`${SMALL}th p10–p90`]: spread(a, 3),
        [`${LARGE}th ms`]: round(median(b), 3),
        [`${LARGE}th p10–p90`]: spread(b, 3),
        [`× ${SMALL}th`]: round(ratio),
      })
      verdicts.push(
        `${op}, ${v.name}: the ${LARGE}th costs ${ratio.toFixed(2)}× the ${SMALL}th (target ≤ ${TARGET}: ${ratio <= TARGET ? 'met' : 'NOT met'})`,
      )
    }
    result.small.client.close()
    await result.small.server.close()
    if (keepLarge && v.name === 'in memory') kept = result.large
    else {
      result.large.client.close()
      await result.large.server.close()
    }
  }
  data.remove()
  data.second.remove()
  const title = `B. write latency by namespace size: ${BATCH} sequential requests around each size (the HWMs ${SMALL - BATCH + 1}–${SMALL} and ${LARGE - BATCH + 1}–${LARGE}), in turns of ${PER_TURN}, one keep-alive connection, median request`
  console.log(title)
  console.log(`(seeded by ${seeding})`)
  console.table(Object.fromEntries(rows.map(({ case: c, ...rest }) => [c, rest])))
  for (const v of verdicts) console.log(v)
  return { title, seeding, rows, verdicts, ratios, medians, large: kept }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bench()
