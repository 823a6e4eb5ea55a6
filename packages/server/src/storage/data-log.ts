/**
 * The data of `--data`: an append-only log of JSON lines. The first line is a header (format, and the
 * token secret when it is random, so tokens outlive a restart); each later line is one committed
 * transaction's changes, written with one `write` before the request is answered and fsynced
 * (`fdatasync`, batched across the requests of the moment) before its answer is sent. A process
 * killed mid-write leaves at most a torn last line, which the next start drops, so a request is
 * either all there or not at all. The log is rewritten as a snapshot (to a temporary file, fsynced,
 * renamed over) on start when it holds many lines, and while running when it has grown well past
 * its last snapshot, which keeps it, and restarts, in proportion to the data. One process at a time:
 * a lock file beside it names the holder. Node only.
 */
import {
  closeSync,
  existsSync,
  fdatasync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { readJson, writeJson } from '../stored-json.js'
import type { Journal } from './journal.js'
import { type Change, Tables } from './tables.js'

/** The file name used when `data` is a directory. */
export const DATA_FILE_NAME = 'horizon-data.jsonl'
const FORMAT = 'horizon-server-data'
const VERSION = 1
/** Replayed transactions past which the start rewrites the log as a snapshot. */
const COMPACT_AFTER = 1000
/** A snapshot line holds changes up to about this many bytes (a line is read whole). */
const SNAPSHOT_LINE_BYTES = 4 * 1024 * 1024
/** While running, the log is rewritten once it passes this many times its last snapshot (and 16 MiB). */
const GROWTH = 4
const MIN_COMPACT_BYTES = 16 * 1024 * 1024

interface Header {
  format: typeof FORMAT
  version: typeof VERSION
  /** The random token secret, kept so tokens survive a restart; absent when the secret is configured. */
  secret?: string
}

/** What a start found in the data file. */
export interface Loaded {
  tables: Tables
  /** The secret the header kept, if any. */
  secret: string | undefined
  /** The newest `changedAt` of any row, for the clock. */
  newest: number
  /** A torn last line that was dropped (a crash mid-write), in bytes; 0 when none. */
  droppedBytes: number
}

/** The data file of a `data` path: the path itself, or `horizon-data.jsonl` in it when it is a directory. */
export function dataFileOf(path: string): string {
  const isDir = /[/\\]$/.test(path) || (existsSync(path) && statSync(path).isDirectory())
  return isDir ? join(path, DATA_FILE_NAME) : path
}

const newestOf = (change: Change) => {
  const row = change[2]
  return row !== null && typeof row === 'object' && 'changedAt' in row ? row.changedAt : 0
}

/** The file's lines as byte ranges, read in chunks: a log may be larger than the longest string. */
function* lines(file: string): Generator<{ line: Buffer; last: boolean; start: number }> {
  const fd = openSync(file, 'r')
  try {
    const chunk = Buffer.allocUnsafe(1024 * 1024)
    let pending: Buffer[] = []
    let start = 0
    let offset = 0
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, offset)
      if (!read) break
      let from = 0
      for (let nl = chunk.indexOf(10, 0); nl >= 0 && nl < read; nl = chunk.indexOf(10, from)) {
        pending.push(Buffer.from(chunk.subarray(from, nl)))
        const line = Buffer.concat(pending)
        pending = []
        yield { line, last: false, start }
        start += line.length + 1
        from = nl + 1
      }
      if (from < read) pending.push(Buffer.from(chunk.subarray(from, read)))
      offset += read
    }
    if (pending.length) yield { line: Buffer.concat(pending), last: true, start }
  } finally {
    closeSync(fd)
  }
}

/** Reads and replays the file (line 1 is the header, each later line one transaction); undefined when it does not exist or is empty. Throws on a corrupt line before the last. */
function load(file: string): (Loaded & { lines: number; validBytes: number; size: number }) | undefined {
  if (!existsSync(file)) return undefined
  const size = statSync(file).size
  if (!size) return undefined
  const tables = new Tables()
  let header: Header | undefined
  let newest = 0
  let count = 0
  let number = 0
  let validBytes = 0
  for (const { line, last, start } of lines(file)) {
    number++
    let parsed: unknown
    try {
      parsed = readJson(line.toString('utf8'))
    } catch {
      // A torn tail (a write cut short) is the last line, never a header: a header is only ever
      // written to a temporary file, fsynced and renamed into place.
      if (!last || !header)
        throw new Error(
          header
            ? `${file}: line ${number} is not a whole record; the file is damaged`
            : `${file} is not a horizon-server data file`,
        )
      break // that transaction was never answered
    }
    if (!header) {
      const h = parsed as Partial<Header> | null
      if (h?.format !== FORMAT) throw new Error(`${file} is not a horizon-server data file`)
      if (h.version !== VERSION) throw new Error(`${file}: unsupported data format version ${String(h.version)}`)
      header = h as Header
    } else {
      for (const change of parsed as Change[]) {
        tables.apply(change)
        newest = Math.max(newest, newestOf(change))
      }
      count++
    }
    validBytes = start + line.length + (last ? 0 : 1)
  }
  if (!header) throw new Error(`${file} is not a horizon-server data file`)
  return { tables, secret: header.secret, newest, lines: count, validBytes, size, droppedBytes: size - validBytes }
}

/** Writes `bytes` whole at the end of `fd` (a short write is retried from where it stopped). */
function writeAll(fd: number, bytes: Uint8Array) {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done)
}

/** Writes a snapshot of `tables` over `file`, atomically: a crash keeps the old file or the new one. Returns its size. */
function writeSnapshot(file: string, tables: Tables, secret: string | undefined): number {
  const temporary = `${file}.${process.pid}.tmp`
  const fd = openSync(temporary, 'w')
  let size = 0
  try {
    const header: Header =
      secret === undefined ? { format: FORMAT, version: VERSION } : { format: FORMAT, version: VERSION, secret }
    const write = (text: string) => {
      const bytes = Buffer.from(text, 'utf8')
      writeAll(fd, bytes)
      size += bytes.length
    }
    write(`${JSON.stringify(header)}\n`)
    let chunk: string[] = []
    let bytes = 0
    const flush = () => {
      if (chunk.length) write(`[${chunk.join(',')}]\n`)
      chunk = []
      bytes = 0
    }
    for (const change of tables.snapshot()) {
      const text = writeJson(change)
      if (bytes && bytes + text.length > SNAPSHOT_LINE_BYTES) flush()
      chunk.push(text)
      bytes += text.length
    }
    flush()
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, file)
  // The rename itself is durable once the directory is synced.
  const dir = openSync(dirname(file), 'r')
  try {
    fsyncSync(dir)
  } finally {
    closeSync(dir)
  }
  return size
}

/** Whether a process of that id runs (signal 0 checks without sending). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes `file.lock` for this process; throws when a live process holds it (a dead one's lock is stale). */
function lock(file: string): string {
  const path = `${file}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' })
      return path
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(path, 'utf8'))
      if (Number.isSafeInteger(holder) && holder > 0 && alive(holder))
        throw new Error(`${file} is in use by process ${holder} (its lock: ${path})`)
      unlinkSync(path) // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${file}`)
}

/**
 * The open log: {@link Journal} for the store, plus `rewrite` after a reset and `close`.
 * Use {@link openDataLog}.
 */
export class DataLog implements Journal {
  #fd: number
  #size: number
  #snapshotSize: number
  #appended = 0
  #synced = 0
  #syncing = false
  #waiters: Array<{ upTo: number; resolve: () => void; reject: (error: Error) => void }> = []
  /** Set once the log cannot be trusted (closed, or a failed fsync): every later write is refused. */
  #stopped: Error | undefined

  constructor(
    readonly file: string,
    private readonly lockFile: string,
    private readonly tables: () => Tables,
    private readonly secret: () => string | undefined,
    snapshotSize: number,
  ) {
    this.#fd = openSync(file, 'a')
    this.#size = statSync(file).size
    this.#snapshotSize = snapshotSize
  }

  append(changes: readonly Change[]): void {
    if (this.#stopped) throw this.#stopped
    const bytes = Buffer.from(`${writeJson(changes)}\n`, 'utf8')
    try {
      writeAll(this.#fd, bytes)
    } catch (error) {
      try {
        ftruncateSync(this.#fd, this.#size) // nothing half-written may stay in front of the next record
      } catch {
        this.#stop(new Error(`${this.file}: a write failed and could not be undone; restart the server`))
      }
      throw error
    }
    this.#size += bytes.length
    this.#appended++
  }

  flushed(): Promise<void> {
    if (this.#stopped) return Promise.reject(this.#stopped)
    if (this.#synced >= this.#appended) return Promise.resolve()
    return new Promise((resolve, reject) => {
      this.#waiters.push({ upTo: this.#appended, resolve, reject })
      this.#sync()
    })
  }

  /** One fdatasync for everything appended until now; the requests that wait on it are answered together. */
  #sync() {
    if (this.#syncing || this.#stopped) return
    this.#syncing = true
    const upTo = this.#appended
    fdatasync(this.#fd, (error) => {
      this.#syncing = false
      if (error) {
        // Linux reports a failed writeback once, then calls the pages clean: a later fsync's success
        // proves nothing about these writes. Stop taking writes, as PostgreSQL does.
        console.error(`[horizon-server] ${this.file}: fsync failed (${error.message}); no more writes are accepted`)
        this.#stop(new Error(`${this.file}: fsync failed (${error.code ?? error.message}); restart the server`))
        return
      }
      this.#synced = Math.max(this.#synced, upTo)
      const ready = this.#waiters.filter((w) => w.upTo <= upTo)
      this.#waiters = this.#waiters.filter((w) => w.upTo > upTo)
      for (const w of ready) w.resolve()
      if (this.#waiters.length) this.#sync()
      else this.#compactIfLarge()
    })
  }

  /** Rewrites the log as a snapshot once it has grown well past the last one (no write is waiting). */
  #compactIfLarge() {
    if (this.#size < Math.max(MIN_COMPACT_BYTES, GROWTH * this.#snapshotSize)) return
    try {
      this.rewrite(this.tables(), this.secret())
    } catch (error) {
      console.error(`[horizon-server] ${this.file}: compaction failed, the log goes on growing:`, error)
    }
  }

  #stop(error: Error) {
    this.#stopped ??= error
    for (const w of this.#waiters.splice(0)) w.reject(this.#stopped)
  }

  /** Starts the log over as a snapshot of `tables` (atomically: a crash keeps the old log or the new one). */
  rewrite(tables: Tables, secret: string | undefined): void {
    if (this.#stopped) throw this.#stopped
    // The snapshot first: if it fails, the old log stays open and whole.
    this.#snapshotSize = writeSnapshot(this.file, tables, secret)
    const old = this.#fd
    this.#fd = openSync(this.file, 'a')
    closeSync(old)
    this.#size = statSync(this.file).size
    this.#synced = this.#appended
  }

  /** Stops the log: later writes are refused (a request still running when the server closes). */
  close(): void {
    if (this.#stopped?.message.endsWith('is closed')) return
    this.#stop(new Error(`${this.file} is closed`))
    closeSync(this.#fd)
    try {
      unlinkSync(this.lockFile)
    } catch {
      // already gone
    }
  }
}

/**
 * Opens (or creates) the data of `path`, locked for this process. When the file holds data, its
 * tables are returned and `fresh` is not called; otherwise the file is created from `fresh()`.
 * @param secret the configured secret, if any: a random one is kept in the file, a configured one never
 * @param current the runtime's tables and secret, for compactions while running
 */
export function openDataLog(
  path: string,
  fresh: () => Tables,
  secret: string | undefined,
  randomSecret: () => string,
  current: { tables: () => Tables; secret: () => string | undefined },
): { log: DataLog; loaded: Loaded; created: boolean } {
  const file = dataFileOf(path)
  mkdirSync(dirname(file), { recursive: true })
  const lockFile = lock(file)
  try {
    const found = load(file)
    if (!found) {
      const tables = fresh()
      const kept = secret === undefined ? randomSecret() : undefined
      const size = writeSnapshot(file, tables, kept)
      let newest = 0
      for (const change of tables.snapshot()) newest = Math.max(newest, newestOf(change))
      const log = new DataLog(file, lockFile, current.tables, current.secret, size)
      return { log, loaded: { tables, secret: kept, newest, droppedBytes: 0 }, created: true }
    }
    const kept = secret === undefined ? (found.secret ?? randomSecret()) : undefined
    let size = found.size
    if (found.lines > COMPACT_AFTER || found.droppedBytes || kept !== found.secret)
      size = writeSnapshot(file, found.tables, kept)
    const log = new DataLog(file, lockFile, current.tables, current.secret, size)
    const { lines: _, validBytes: __, size: ___, ...loaded } = found
    return { log, loaded: { ...loaded, secret: kept }, created: false }
  } catch (error) {
    unlinkSync(lockFile)
    throw error
  }
}
