/**
 * What every bench of the repo shares to report: the machine line, the commit measured, tables (on the
 * console and in Markdown) and the rewrite of one section of BENCHMARKS.md between its markers.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, release, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export const machine = {
  cpus: availableParallelism(),
  model: cpus()[0]?.model ?? 'unknown',
  memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
  node: process.version,
  os: `${process.platform} ${release()}`,
}

/** `abc1234`, with a note when `paths` (relative to the repo) hold uncommitted changes; `BENCH_COMMIT` overrides. */
export function commit(paths = ['packages']) {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', ...paths], { cwd: ROOT, encoding: 'utf8' }).trim()
    return dirty ? `${head} + uncommitted changes to ${paths.join(', ')}` : head
  } catch {
    return 'unknown'
  }
}

/** "Measured … on …": the line each section carries. */
export const measuredLine = (at) =>
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC at ${at}, on ${machine.cpus} CPUs (${machine.model}, ${machine.memory}), Node ${machine.node}, ${machine.os}.`

/** A Markdown table of `rows` (objects; the keys of all rows, in order of appearance, are the columns). */
export function table(rows) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  const cell = (v) => String(v ?? '').replace(/\|/g, '\\|')
  return [
    `| ${keys.join(' | ')} |`,
    `| ${keys.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${keys.map((k) => cell(r[k])).join(' | ')} |`),
  ].join('\n')
}

/** `rows` on the console, the first column as the row's name. */
export function print(rows) {
  const [first] = Object.keys(rows[0] ?? {})
  console.table(Object.fromEntries(rows.map(({ [first]: name, ...rest }) => [name, rest])))
}

export const met = (ok) => (ok ? '**met**' : '**not met**')

/**
 * With `BENCH_DOC=1`, rewrites the section `name` of the repo's BENCHMARKS.md (between
 * `<!-- name-bench:start -->` and `<!-- name-bench:end -->`, appended when missing);
 * `BENCH_DOC=<path>` for another file. Without it, does nothing.
 */
export function writeSection(name, text) {
  const file = process.env.BENCH_DOC === '1' ? `${ROOT}BENCHMARKS.md` : process.env.BENCH_DOC
  if (!file) return
  const START = `<!-- ${name}-bench:start -->`
  const END = `<!-- ${name}-bench:end -->`
  let old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n'
  if (!old.includes(START) || !old.includes(END)) old = `${old.trimEnd()}\n\n${START}\n${END}\n`
  writeFileSync(file, `${old.slice(0, old.indexOf(START) + START.length)}\n${text}\n${old.slice(old.indexOf(END))}`)
  // The repo's formatter aligns the tables, so the written file passes `pnpm lint` as it is.
  const biome = `${ROOT}node_modules/.bin/biome`
  try {
    if (existsSync(biome)) execFileSync(biome, ['format', '--write', file], { stdio: 'ignore' })
  } catch {
    // A file outside the repo: biome refuses it, and the tables stay as written (unaligned, still valid).
  }
  console.log(`\nwrote the ${name} section of ${file}`)
}
