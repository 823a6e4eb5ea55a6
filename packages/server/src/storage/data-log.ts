/**
 * The data of `--data`: an append-only log of JSON lines. The first line is a header (format, and the
 * token secret when it is random, so tokens outlive a restart); each later line is one committed
 * transaction's changes, written with one `write` before the request is answered and fsynced
 * (`fdatasync`, batched across the requests of the moment) before its answer is sent. A process
 * killed mid-write leaves at most a torn last line, which the next start drops, so a request is
 * either all there or not at all. On start, a log of many lines is rewritten as a snapshot (to a
 * temporary file, fsynced, renamed over), which keeps restarts fast. Node only.
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
  renameSync,
  statSync,
  writeSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import type { Journal } from '../store.js'
import { readJson, writeJson } from '../stored-json.js'
import { type Change, Tables } from './tables.js'

/** The file name used when `data` is a directory. */
export const DATA_FILE_NAME = 'horizon-data.jsonl'
const FORMAT = 'horizon-server-data'
const VERSION = 1
/** Replayed transactions past which the start rewrites the log as a snapshot. */
const COMPACT_AFTER = 1000
/** Changes per snapshot line. */
const SNAPSHOT_LINE = 1000

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

/** Reads and replays the file (line 1 is the header, each later line one transaction); undefined when it does not exist or is empty. Throws on a corrupt line before the last. */
function load(file: string): (Loaded & { lines: number; validBytes: number }) | undefined {
  if (!existsSync(file)) return undefined
  const text = readFileSync(file, 'utf8')
  if (!text) return undefined
  const tables = new Tables()
  let header: Header | undefined
  let newest = 0
  let lines = 0
  let at = 0
  while (at < text.length) {
    const end = text.indexOf('\n', at)
    const line = text.slice(at, end < 0 ? text.length : end)
    let parsed: unknown
    try {
      parsed = readJson(line)
    } catch {
      if (end >= 0 && text.slice(end + 1).trim())
        throw new Error(`${file}: line ${lines + 2} is not a whole record; the file is damaged`)
      break // the torn tail of a write cut short: that transaction never happened
    }
    if (!header) {
      const h = parsed as Partial<Header>
      if (h?.format !== FORMAT) throw new Error(`${file} is not a horizon-server data file`)
      if (h.version !== VERSION) throw new Error(`${file}: unsupported data format version ${String(h.version)}`)
      header = h as Header
    } else {
      for (const change of parsed as Change[]) {
        tables.apply(change)
        newest = Math.max(newest, newestOf(change))
      }
      lines++
    }
    at = end < 0 ? text.length : end + 1
  }
  if (!header) return undefined // only a torn header: nothing was ever acknowledged
  const validBytes = Buffer.byteLength(text.slice(0, at), 'utf8')
  return {
    tables,
    secret: header.secret,
    newest,
    lines,
    validBytes,
    droppedBytes: Buffer.byteLength(text) - validBytes,
  }
}

/** Writes `bytes` whole at the end of `fd` (a short write is retried from where it stopped). */
function writeAll(fd: number, bytes: Uint8Array) {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done)
}

/**
 * The open log: {@link Journal} for the store, plus `rewrite` after a reset.
 * Use {@link openDataLog}.
 */
export class DataLog implements Journal {
  #fd: number
  #size: number
  #appended = 0
  #synced = 0
  #syncing = false
  #waiters: Array<{ upTo: number; resolve: () => void; reject: (error: Error) => void }> = []

  constructor(
    readonly file: string,
    fd: number,
    size: number,
  ) {
    this.#fd = fd
    this.#size = size
  }

  append(changes: readonly Change[]): void {
    const bytes = Buffer.from(`${writeJson(changes)}\n`, 'utf8')
    try {
      writeAll(this.#fd, bytes)
    } catch (error) {
      // Nothing half-written may stay in front of the next record.
      ftruncateSync(this.#fd, this.#size)
      throw error
    }
    this.#size += bytes.length
    this.#appended++
  }

  flushed(): Promise<void> {
    if (this.#synced >= this.#appended) return Promise.resolve()
    return new Promise((resolve, reject) => {
      this.#waiters.push({ upTo: this.#appended, resolve, reject })
      this.#sync()
    })
  }

  /** One fdatasync for everything appended until now; the requests that wait on it are answered together. */
  #sync() {
    if (this.#syncing) return
    this.#syncing = true
    const upTo = this.#appended
    fdatasync(this.#fd, (error) => {
      this.#syncing = false
      if (!error) this.#synced = Math.max(this.#synced, upTo)
      const ready = this.#waiters.filter((w) => w.upTo <= upTo)
      this.#waiters = this.#waiters.filter((w) => w.upTo > upTo)
      for (const w of ready) error ? w.reject(error) : w.resolve()
      if (this.#waiters.length) this.#sync()
    })
  }

  /** Starts the log over as a snapshot of `tables` (atomically: a crash keeps the old log or the new one). */
  rewrite(tables: Tables, secret: string | undefined): void {
    closeSync(this.#fd)
    writeSnapshot(this.file, tables, secret)
    this.#fd = openSync(this.file, 'a')
    this.#size = statSync(this.file).size
    this.#synced = this.#appended
  }

  close(): void {
    closeSync(this.#fd)
  }
}

function writeSnapshot(file: string, tables: Tables, secret: string | undefined) {
  const temporary = `${file}.${process.pid}.tmp`
  const fd = openSync(temporary, 'w')
  try {
    const header: Header =
      secret === undefined ? { format: FORMAT, version: VERSION } : { format: FORMAT, version: VERSION, secret }
    writeAll(fd, Buffer.from(`${JSON.stringify(header)}\n`))
    let chunk: Change[] = []
    const flush = () => {
      if (chunk.length) writeAll(fd, Buffer.from(`${writeJson(chunk)}\n`, 'utf8'))
      chunk = []
    }
    for (const change of tables.snapshot()) {
      chunk.push(change)
      if (chunk.length >= SNAPSHOT_LINE) flush()
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
}

/**
 * Opens (or creates) the data of `path`. When the file holds data, its tables are returned and
 * `fresh` is not called; otherwise the file is created from `fresh()`.
 * @param secret the configured secret, if any: a random one is kept in the file, a configured one never
 */
export function openDataLog(
  path: string,
  fresh: () => Tables,
  secret: string | undefined,
  randomSecret: () => string,
): { log: DataLog; loaded: Loaded; created: boolean } {
  const file = dataFileOf(path)
  mkdirSync(dirname(file), { recursive: true })
  const found = load(file)
  if (!found) {
    const tables = fresh()
    const kept = secret === undefined ? randomSecret() : undefined
    writeSnapshot(file, tables, kept)
    const log = new DataLog(file, openSync(file, 'a'), statSync(file).size)
    let newest = 0
    for (const change of tables.snapshot()) newest = Math.max(newest, newestOf(change))
    return { log, loaded: { tables, secret: kept, newest, droppedBytes: 0 }, created: true }
  }
  const kept = secret === undefined ? (found.secret ?? randomSecret()) : undefined
  if (found.lines > COMPACT_AFTER || found.droppedBytes || kept !== found.secret)
    writeSnapshot(file, found.tables, kept)
  const log = new DataLog(file, openSync(file, 'a'), statSync(file).size)
  const { lines: _, validBytes: __, ...loaded } = found
  return { log, loaded: { ...loaded, secret: kept }, created: false }
}
