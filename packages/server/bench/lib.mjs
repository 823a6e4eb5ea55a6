/**
 * What the server benches share: a server in a child process, a keep-alive HTTP client with a fixed
 * number of sockets, login, seeding (the server's bulk `seed` option when it has one, HTTP creates
 * otherwise), and the statistics (median round, p10–p90 spread).
 */
import { fork } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const CHILD = new URL('./server-child.mjs', import.meta.url)

/**
 * A server in a child process. `config` as `server-child.mjs` reads it. A `dist` missing for a moment
 * (a build running elsewhere in the tree, which cleans it first) is waited for, up to 30 s.
 */
export async function spawnServer(config) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await spawnOnce(config)
    } catch (error) {
      if (attempt >= 30 || !/Cannot find module/.test(error.message)) throw error
      if (!attempt) console.error(`(${error.message}: waiting for the build)`)
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
}

async function spawnOnce(config) {
  const child = fork(CHILD, [JSON.stringify(config)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const first = await new Promise((resolve, reject) => {
    child.once('message', resolve)
    child.once('exit', (code) => reject(new Error(`server child exited with ${code} before starting`)))
  })
  if (first.error) {
    const error = new Error(first.error)
    error.name = first.name ?? 'Error'
    throw error
  }
  child.removeAllListeners('exit')
  return {
    url: first.url,
    setLatency: (ms) =>
      new Promise((resolve) => {
        child.once('message', resolve)
        child.send({ setLatency: ms })
      }),
    close: () =>
      new Promise((resolve) => {
        child.once('exit', resolve)
        child.send({ close: true })
      }),
  }
}

/** A keep-alive client of `sockets` connections; `sockets: 1` makes the requests strictly sequential. */
export function httpClient(base, sockets) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets })
  const url = new URL(base)
  /** @returns {Promise<{ status: number, body: string }>} */
  const send = (method, path, { headers = {}, body } = {}) =>
    new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks = []
          res.on('data', (c) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }))
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(body)
    })
  return { send, close: () => agent.destroy() }
}

/** Logs `username` in (the dummy provider: any password) and returns a client that sends its token. */
export async function login(base, username, sockets = 1) {
  const http = httpClient(base, sockets)
  const res = await http.send('POST', '/v1/auth/token', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `username=${encodeURIComponent(username)}&password=bench`,
  })
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${res.body}`)
  const token = JSON.parse(res.body).access_token
  const auth = { authorization: `Bearer ${token}` }
  const json = async (method, path, data) => {
    const body = data === undefined ? undefined : JSON.stringify(data)
    const headers = body === undefined ? auth : { ...auth, 'content-type': 'application/json' }
    const answer = await http.send(method, path, { headers, body })
    if (answer.status < 200 || answer.status > 299)
      throw new Error(`${method} ${path} answered ${answer.status}: ${answer.body}`)
    return answer.body ? JSON.parse(answer.body) : undefined
  }
  return { token, json, close: http.close }
}

/** The user the benches log in as: the owner of the namespace they fill (a plain user, not a superadmin). */
export const BENCH_USER = 'bench-owner'

export const hwmBody = (namespaceId, name, i) => ({
  namespace_id: namespaceId,
  name,
  type: 'column_int',
  value: 1000 + i,
  entity: 'db.orders',
  expression: 'id',
  description: '',
})

/** Runs `task(i)` for i in [from, to) with `concurrency` in flight. */
export async function pool(from, to, concurrency, task) {
  let next = from
  const worker = async () => {
    while (next < to) await task(next++)
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

/**
 * A Horizon server holding one namespace of `hwms` HWMs, owned by {@link BENCH_USER}.
 * Tries the server's bulk `seed: { namespaces, hwmsPerNamespace }` first (no HTTP); when the server
 * rejects that option, or starts without seeding, it starts empty and creates them through HTTP,
 * 16 at a time. `extra` are more server options (`data`, `latencyMs`).
 * @returns the server, a logged-in client, the namespace id, and how it was seeded
 */
export async function seededServer(hwms, extra = {}) {
  // Otherwise the defaults (request log of 1,000 included): what a user runs.
  const base = { ...extra }
  if (hwms > 0) {
    let server
    try {
      server = await spawnServer({
        kind: 'horizon',
        options: { ...base, seed: { namespaces: 1, hwmsPerNamespace: hwms, owner: BENCH_USER } },
      })
    } catch (error) {
      if (error.name !== 'TypeError') throw error
    }
    if (server) {
      const client = await login(server.url, BENCH_USER)
      const page = await client.json('GET', '/v1/namespaces/?page_size=50')
      for (const ns of page.items) {
        const count = await client.json('GET', `/v1/hwm/?namespace_id=${ns.id}&page_size=1`)
        if (count.meta.total_count === hwms) return { server, client, namespaceId: ns.id, seeding: 'seed option' }
      }
      // Accepted but not honoured: seed through HTTP instead.
      client.close()
      await server.close()
    }
  }
  const server = await spawnServer({ kind: 'horizon', options: { ...base, seed: 'empty' } })
  const client = await login(server.url, BENCH_USER)
  const ns = await client.json('POST', '/v1/namespaces/', { name: 'bench', description: '' })
  const fill = await login(server.url, BENCH_USER, 16)
  await pool(0, hwms, 16, (i) => fill.json('POST', '/v1/hwm/', hwmBody(ns.id, `seed-${i}`, i)))
  fill.close()
  return { server, client, namespaceId: ns.id, seeding: 'HTTP, 16 at a time' }
}

/**
 * A fresh path for the `data` option, and whether the server wrote anything there after a write:
 * a server without the option ignores it (unknown options are not refused), and then the data
 * variants are reported as not available.
 */
export function dataPath() {
  const dir = mkdtempSync(join(tmpdir(), 'horizon-bench-'))
  const path = join(dir, 'data')
  return {
    path,
    written: () => existsSync(path) && (statSync(path).isFile() || readdirSync(path).length > 0),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

// The statistics every bench of the repo shares.
export { median, round, spread } from '../../../scripts/bench/stats.mjs'
