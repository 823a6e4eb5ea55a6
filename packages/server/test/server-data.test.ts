/**
 * `data`: the state kept across restarts, a `kill -9` of the built CLI in the middle of a burst of
 * writes, torn and damaged logs, reset, and the generated seeds.
 */
import { spawn } from 'node:child_process'
import fs, { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createHorizonApp, type HorizonServer, startHorizonServer } from '../src/index.js'
import { DATA_FILE_NAME } from '../src/storage/data-log.js'
import { call, login } from './server-helpers.js'

const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const BIG = '123456789012345678901234567890'

const open: HorizonServer[] = []
const start = async (data: string, more: Parameters<typeof startHorizonServer>[0] = {}) => {
  const server = await startHorizonServer({ port: 0, data, ...more })
  open.push(server)
  return server
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

const dir = () => mkdtempSync(join(tmpdir(), 'horizon-data-'))

const post = (server: HorizonServer, token: string, path: string, json: unknown) =>
  call(`${server.url}${path}`, { method: 'POST', token, json })
const get = (server: HorizonServer, token: string, path: string) => call(`${server.url}${path}`, { token })

/** Body with a literal integer beyond 2^53 (JSON.stringify cannot write one). */
const hwmBody = (namespaceId: number, name: string) =>
  `{"namespace_id":${namespaceId},"name":"${name}","type":"column_int","value":{"offset":${BIG},"ratio":0.1}}`

describe('data: kept across restarts', () => {
  it('restores namespaces, HWMs (every digit), history, users and the token secret', async () => {
    const data = dir()
    let server = await start(data)
    const token = await login(server.url, 'alice')
    const ns = (await post(server, token, '/v1/namespaces/', { name: 'kept' })).body
    const created = await call(`${server.url}/v1/hwm/`, {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: hwmBody(ns.id, 'orders.id'),
    })
    expect(created.status).toBe(201)
    await call(`${server.url}/v1/hwm/${created.body.id}`, { method: 'PATCH', token, json: { description: 'v2' } })
    const before = {
      hwm: (await get(server, token, `/v1/hwm/${created.body.id}`)).text,
      history: (await get(server, token, `/v1/hwm-history/?hwm_id=${created.body.id}`)).text,
      namespaces: (await get(server, token, '/v1/namespaces/')).text,
    }
    expect(before.hwm).toContain(`"offset":${BIG}`)
    await server.close()

    server = await start(data, { seed: 'demo' }) // an existing file wins over the seed
    const after = {
      hwm: (await get(server, token, `/v1/hwm/${created.body.id}`)).text, // the old token still works
      history: (await get(server, token, `/v1/hwm-history/?hwm_id=${created.body.id}`)).text,
      namespaces: (await get(server, token, '/v1/namespaces/')).text,
    }
    expect(after).toEqual(before)
    // Ids and timestamps go on from where they were.
    const next = (await post(server, token, '/v1/namespaces/', { name: 'later' })).body
    expect(next.id).toBe(ns.id + 1)
    expect(Date.parse(next.changed_at)).toBeGreaterThan(Date.parse(ns.changed_at))
  })

  it('starts over from the seed after reset(), and keeps that', async () => {
    const data = dir()
    let server = await start(data, { seed: 'demo' })
    const token = await login(server.url, 'alice')
    expect((await get(server, token, '/v1/namespaces/')).body.meta.total_count).toBeGreaterThan(1)
    server.reset('empty')
    await server.close()
    server = await start(data)
    const fresh = await login(server.url, 'alice')
    expect((await get(server, fresh, '/v1/namespaces/')).body.meta.total_count).toBe(0)
    expect((await get(server, token, '/v1/namespaces/')).status).toBe(401) // reset renewed the secret
  })

  it('is refused by createHorizonApp, which has no file system to keep it in', () => {
    expect(() => createHorizonApp({ data: dir() })).toThrow(/needs startHorizonServer/)
  })

  it('takes a directory or a file path', async () => {
    const data = dir()
    const file = join(data, 'nested', 'mine.jsonl')
    const server = await start(file)
    await login(server.url, 'alice')
    await server.close()
    expect(readFileSync(file, 'utf8')).toContain('"alice"')
    const inDir = await start(`${data}/`)
    await login(inDir.url, 'bob')
    await inDir.close()
    expect(readFileSync(join(data, DATA_FILE_NAME), 'utf8')).toContain('"bob"')
  })
})

describe('data: crashes', () => {
  it('keeps every acknowledged write when the built CLI is killed with SIGKILL mid-burst, and no half request', async () => {
    const data = dir()
    const child = spawn(process.execPath, [built, '--port', '0', '--seed', 'empty', '--data', data], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk) => {
        out += chunk
        const m = /listening on (http:\/\/\S+)/.exec(out)
        if (m) resolve(m[1]!)
      })
      child.once('exit', (code) => reject(new Error(`the CLI exited (${code}) before listening`)))
    })
    const token = (
      await call(`${url}/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'username=alice&password=x',
      })
    ).body.access_token as string
    const acknowledged: string[] = []
    let killed = false
    // A burst of creates, killed after 60 were answered: each answered one must be there after a restart.
    const writes = Array.from({ length: 400 }, async (_, i) => {
      try {
        const res = await call(`${url}/v1/namespaces/`, { method: 'POST', token, json: { name: `ns-${i}` } })
        if (res.status === 201) acknowledged.push(res.body.name)
        if (acknowledged.length >= 60 && !killed) {
          killed = true
          child.kill('SIGKILL')
        }
      } catch {
        // the connection died with the process
      }
    })
    await Promise.all(writes)
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode ? resolve(null) : child.once('exit', resolve),
    )
    expect(child.signalCode).toBe('SIGKILL')
    expect(acknowledged.length).toBeGreaterThanOrEqual(60)

    const server = await start(data)
    const again = await login(server.url, 'alice')
    const kept = (await get(server, again, '/v1/namespaces/?page_size=50&page=1')).body.meta.total_count as number
    const names = new Set<string>()
    for (let page = 1; page <= Math.ceil(kept / 50); page++)
      for (const ns of (await get(server, again, `/v1/namespaces/?page_size=50&page=${page}`)).body.items) {
        names.add(ns.name)
        // whole requests only: each namespace there has its Created history row
        const history = (await get(server, again, `/v1/namespace-history/?namespace_id=${ns.id}`)).body
        expect(history.items.map((row: { action: string }) => row.action)).toEqual(['Created'])
      }
    for (const name of acknowledged) expect(names.has(name), name).toBe(true)
  })

  it('drops a torn last transaction (a write cut short) whole, then goes on appending', async () => {
    const data = dir()
    let server = await start(data)
    const token = await login(server.url, 'alice')
    const source = (await post(server, token, '/v1/namespaces/', { name: 'src' })).body
    const target = (await post(server, token, '/v1/namespaces/', { name: 'dst' })).body
    const ids: number[] = []
    for (const name of ['a', 'b', 'c'])
      ids.push((await post(server, token, '/v1/hwm/', { namespace_id: source.id, name, type: 't', value: 1 })).body.id)
    await server.close()
    const file = join(data, DATA_FILE_NAME)
    const good = readFileSync(file, 'utf8')

    // The copy's transaction, written by a server into a scratch copy of the log, then cut in half.
    const scratch = dir()
    writeFileSync(join(scratch, DATA_FILE_NAME), good)
    server = await start(scratch)
    const copied = await post(server, token, '/v1/hwm/copy', {
      source_namespace_id: source.id,
      target_namespace_id: target.id,
      hwm_ids: ids,
      with_history: true,
    })
    expect(copied.status).toBe(201)
    await server.close()
    const copyLine = readFileSync(join(scratch, DATA_FILE_NAME), 'utf8').slice(good.length)
    expect(copyLine.length).toBeGreaterThan(200)
    appendFileSync(file, copyLine.slice(0, Math.floor(copyLine.length / 2)))

    server = await start(data)
    expect((await get(server, token, `/v1/hwm/?namespace_id=${target.id}`)).body.meta.total_count).toBe(0)
    expect((await get(server, token, `/v1/hwm/?namespace_id=${source.id}`)).body.meta.total_count).toBe(3)
    const later = await post(server, token, '/v1/namespaces/', { name: 'after-the-crash' })
    expect(later.status).toBe(201)
    await server.close()
    server = await start(data)
    expect((await get(server, token, `/v1/namespaces/?name=after-the-crash`)).body.meta.total_count).toBe(1)
  })

  it('refuses to start on a log damaged before its end, with the line named', async () => {
    const data = dir()
    const server = await start(data)
    await login(server.url, 'alice')
    await login(server.url, 'bob')
    await server.close()
    const file = join(data, DATA_FILE_NAME)
    const lines = readFileSync(file, 'utf8').split('\n')
    lines[1] = lines[1]!.slice(0, 5)
    writeFileSync(file, lines.join('\n'))
    await expect(startHorizonServer({ port: 0, data })).rejects.toThrow(/line 2 is not a whole record/)
    lines[0] = lines[0]!.slice(0, 5)
    writeFileSync(file, lines.join('\n'))
    await expect(startHorizonServer({ port: 0, data })).rejects.toThrow(/not a horizon-server data file/)
  })

  it('refuses a file that is not its own, and leaves it as it was', async () => {
    const data = dir()
    for (const text of ['{"some":"json"}\n', 'my precious notes\n', 'one line, no newline']) {
      const file = join(data, 'notes.txt')
      writeFileSync(file, text)
      await expect(startHorizonServer({ port: 0, data: file })).rejects.toThrow(/not a horizon-server data file/)
      expect(readFileSync(file, 'utf8')).toBe(text)
    }
  })

  it('stops taking writes after a failed fsync (its writes may be lost): later requests fail, nothing is answered as kept', async () => {
    const data = dir()
    const server = await start(data)
    const token = await login(server.url, 'alice')
    const real = fs.fdatasync
    fs.fdatasync = ((_fd: number, callback: (error: NodeJS.ErrnoException | null) => void) =>
      callback(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))) as typeof fs.fdatasync
    syncBuiltinESMExports()
    const errors: unknown[] = []
    const logged = console.error
    console.error = (...args: unknown[]) => errors.push(args)
    try {
      expect((await post(server, token, '/v1/namespaces/', { name: 'lost' })).status).toBe(500)
    } finally {
      fs.fdatasync = real
      syncBuiltinESMExports()
      console.error = logged
    }
    expect(String(errors[0])).toMatch(/fsync failed/)
    // fsync works again, but the log is not trusted: writes and reads answer 500 until a restart
    expect((await post(server, token, '/v1/namespaces/', { name: 'after' })).status).toBe(500)
    expect((await get(server, token, '/v1/namespaces/?name=lost')).status).toBe(500)
  })

  it('writes nothing once closed, not even through a descriptor number reused by the host', async () => {
    const data = dir()
    const server = await startHorizonServer({ port: 0, data, latencyMs: 300 })
    const late = call(`${server.url}/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=late&password=x',
    }).catch(() => undefined)
    await new Promise((r) => setTimeout(r, 100))
    await server.close()
    const other = join(data, 'other.txt')
    const fd = openSync(other, 'a') // likely the number the data log had
    await late
    await new Promise((r) => setTimeout(r, 50))
    closeSync(fd)
    expect(readFileSync(other, 'utf8')).toBe('')
    expect(readFileSync(join(data, DATA_FILE_NAME), 'utf8')).not.toContain('late')
  })

  it('is one process’s at a time: a second server on the file is refused until the first closes', async () => {
    const data = dir()
    const first = await start(data)
    await expect(startHorizonServer({ port: 0, data })).rejects.toThrow(/in use by process \d+/)
    await first.close()
    const second = await start(data)
    await login(second.url, 'alice')
  })

  it('frees the file when the server cannot listen', async () => {
    const data = dir()
    const taken = await startHorizonServer({ port: 0 })
    open.push(taken)
    await expect(startHorizonServer({ port: taken.port, data })).rejects.toThrow(/EADDRINUSE/)
    await start(data)
  })

  it('reads and compacts a log of lines larger than its read buffer, keeping every version', async () => {
    const data = dir()
    let server = await start(data)
    const token = await login(server.url, 'alice')
    const ns = (await post(server, token, '/v1/namespaces/', { name: 'big' })).body
    const hwm = (await post(server, token, '/v1/hwm/', { namespace_id: ns.id, name: 'h', type: 't', value: 0 })).body
    const big = (n: number) => `${n}:${'x'.repeat(2_500_000)}`
    for (let n = 1; n <= 8; n++) {
      const res = await call(`${server.url}/v1/hwm/${hwm.id}`, { method: 'PATCH', token, json: { value: big(n) } })
      expect(res.status).toBe(200)
    }
    await server.close()
    // Compacted while running: the first version is left only in its history row (the PATCH's own
    // line held it twice, in the HWM row and in the history row).
    const text = readFileSync(join(data, DATA_FILE_NAME), 'utf8')
    expect(text.split('"1:x').length - 1).toBe(1)
    expect(text.split('"8:x').length - 1).toBe(2)
    server = await start(data)
    const read = (await get(server, token, `/v1/hwm/${hwm.id}`)).body
    expect(read.value).toBe(big(8))
    const history = (await get(server, token, `/v1/hwm-history/?hwm_id=${hwm.id}&page_size=50`)).body
    expect(history.meta.total_count).toBe(9)
  })
})

describe('generated seeds', () => {
  it('builds namespaces of HWMs with history without a request, in name order', async () => {
    const server = await startHorizonServer({
      port: 0,
      seed: { namespaces: 2, hwmsPerNamespace: 1500, historyPerHwm: 3 },
    })
    open.push(server)
    const token = await login(server.url, 'admin')
    const list = (await get(server, token, '/v1/namespaces/')).body
    expect(list.items.map((ns: { name: string; owned_by: string }) => [ns.name, ns.owned_by])).toEqual([
      ['bulk-001', 'admin'],
      ['bulk-002', 'admin'],
    ])
    const page = (await get(server, token, `/v1/hwm/?namespace_id=2&page=30&page_size=50`)).body
    expect(page.meta.total_count).toBe(1500)
    expect(page.items.map((h: { name: string }) => h.name)).toEqual(
      Array.from({ length: 50 }, (_, i) => `hwm-${String(1451 + i).padStart(4, '0')}`),
    )
    const last = page.items.at(-1)
    expect(last.value).toBe(1500 * 1000 + 2)
    const history = (await get(server, token, `/v1/hwm-history/?hwm_id=${last.id}`)).body
    expect(history.items.map((row: { action: string }) => row.action)).toEqual(['Updated', 'Updated', 'Created'])
    expect(server.requests.length).toBe(4) // login and the three reads: no seeding requests
  })

  it('refuses an empty secret before starting, instead of crashing the process later', async () => {
    await expect(startHorizonServer({ port: 0, secret: '' })).rejects.toThrow(/secret must be a non-empty string/)
  })

  it('refuses a malformed seed with the field named', async () => {
    await expect(startHorizonServer({ seed: { namespaces: -1, hwmsPerNamespace: 1 } })).rejects.toThrow(
      /seed.namespaces/,
    )
    await expect(startHorizonServer({ seed: 'big' as never })).rejects.toThrow(/Unknown seed/)
  })
})
