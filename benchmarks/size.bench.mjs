/**
 * 1. Size: what a browser app downloads for the client. Each case is a small entry (what an app
 * writes: create a client, make one call), bundled by esbuild as an app would (platform browser, ESM,
 * minified), gzipped at level 9. "Up front" is everything the entry reaches through static imports,
 * bundled as one file with dynamic imports left out: what Vite/Rollup put in an app's entry chunk,
 * and what must arrive before a first call can start. The chunks reached only through a dynamic
 * import are listed as lazy, each gzipped on its own (from a second build, with code splitting).
 * (esbuild's own code splitting also makes a chunk of every module an entry shares with a lazy
 * chunk; gzipped one by one, those cost the main entry about 1 kB more.) kB = 1,000 bytes, as
 * size-limit counts. Measures the built packages (dist). Run: `node size.bench.mjs` (after a build),
 * or `pnpm bench`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

// Inside node_modules, so the entries resolve this package's dependencies; outside git.
const DIR = new URL('./node_modules/.cache/size-bench/', import.meta.url)

const call = 'export const answer = '
const MAIN = '@horizon-ts/core, main entry'
const REACT = '@horizon-ts/react + the whole of /query (SSR state included), over the main entry'
const HOOKS = '@horizon-ts/react (with what it uses of /query), over the main entry'
/** name → [entry source, options]; `peers`: imports left out of the bundle (the app has them anyway). */
export const cases = {
  [MAIN]: [`export * from '@horizon-ts/core'`],
  '@horizon-ts/core: HorizonClient + LoginPassword + getHwm': [
    `import { HorizonClient, LoginPassword } from '@horizon-ts/core'
const client = new HorizonClient({ baseUrl: location.origin, auth: new LoginPassword({ login: 'me', password: 'secret' }) })
${call}client.getHwm(1)`,
  ],
  // What the hooks add to an app that has the core's main entry: that app's bundle less the main
  // entry's, so the chunks the two share are counted once, with the main entry.
  [REACT]: [
    `export * from '@horizon-ts/core'\nexport * from '@horizon-ts/react'\nexport * from '@horizon-ts/core/query'`,
    { peers: [/^react(\/.*)?$/, /^react-dom(\/.*)?$/, /^@tanstack\//], less: MAIN },
  ],
  // The hooks: react and what it uses of /query; serializeState/deserializeState (SSR) and their exact
  // parser come only to apps that import them (the row above).
  [HOOKS]: [
    `export * from '@horizon-ts/core'\nexport * from '@horizon-ts/react'`,
    { peers: [/^react(\/.*)?$/, /^react-dom(\/.*)?$/, /^@tanstack\//], less: MAIN },
  ],
  'up-fetch': [
    `import { up } from 'up-fetch'
const upfetch = up(fetch, () => ({ baseUrl: location.origin, headers: { authorization: 'Bearer t' } }))
${call}upfetch('/v1/hwm/1')`,
  ],
  'openapi-fetch': [
    `import createClient from 'openapi-fetch'
const client = createClient({ baseUrl: location.origin, headers: { authorization: 'Bearer t' } })
${call}client.GET('/v1/hwm/{id}', { params: { path: { id: 1 } } })`,
  ],
  ofetch: [
    `import { ofetch } from 'ofetch'
const api = ofetch.create({ baseURL: location.origin, headers: { authorization: 'Bearer t' } })
${call}api('/v1/hwm/1')`,
  ],
  ky: [
    `import ky from 'ky'
const api = ky.create({ baseUrl: location.origin, headers: { authorization: 'Bearer t' } })
${call}api.get('v1/hwm/1').json()`,
  ],
  'kinto-http': [
    `import KintoClient from 'kinto-http'
const client = new KintoClient(location.origin + '/v1', { headers: { authorization: 'Bearer t' } })
${call}client.bucket('main').collection('hwm').getRecord('1')`,
  ],
  '@octokit/core': [
    `import { Octokit } from '@octokit/core'
const octokit = new Octokit({ auth: 't' })
${call}octokit.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' })`,
  ],
  axios: [
    `import axios from 'axios'
const api = axios.create({ baseURL: location.origin, headers: { authorization: 'Bearer t' } })
${call}api.get('/v1/hwm/1')`,
  ],
}
export const BASELINE = 'ofetch'

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length

/** `{ upFront, lazy: [{ file, bytes }] }`, gzipped bytes, of one entry. */
async function measure(name, source, { peers = [] } = {}) {
  const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()
  const entry = new URL(`${slug}.mjs`, DIR)
  writeFileSync(entry, `${source}\n`)
  const result = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    metafile: true,
    outdir: new URL(`out-${slug}/`, DIR).pathname,
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'error',
    plugins: [
      {
        name: 'peers',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) =>
            args.kind !== 'entry-point' && peers.some((p) => p.test(args.path))
              ? { path: args.path, external: true }
              : undefined,
          )
        },
      },
    ],
  })
  const bytes = Object.fromEntries(result.outputFiles.map((f) => [f.path, gz(f.contents)]))
  const outputs = result.metafile.outputs
  const abs = (p) => new URL(p, pathToFileURL(`${process.cwd()}/`)).pathname
  const main = Object.keys(outputs).find((p) => outputs[p].entryPoint)
  // Up front: the entry and, transitively, its static imports.
  const upFront = new Set()
  const walk = (p) => {
    if (upFront.has(p)) return
    upFront.add(p)
    for (const i of outputs[p].imports) if (!i.external && i.kind === 'import-statement') walk(i.path)
  }
  walk(main)
  const lazy = Object.keys(outputs)
    .filter((p) => !upFront.has(p) && p.endsWith('.js'))
    .map((p) => ({ file: basename(p).replace(/(-[\w-]{8})+\.js$/, ''), bytes: bytes[abs(p)] }))
  // Up front, as one file: the same entry without code splitting, dynamic imports left out.
  const single = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'error',
    plugins: [
      {
        name: 'peers and lazy chunks',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) =>
            args.kind === 'dynamic-import' || (args.kind !== 'entry-point' && peers.some((p) => p.test(args.path)))
              ? { path: args.path, external: true }
              : undefined,
          )
        },
      },
    ],
  })
  return { upFront: gz(single.outputFiles[0].contents), lazy }
}

const kB = (b) => (b / 1000).toFixed(1)

export async function bench() {
  rmSync(DIR, { recursive: true, force: true })
  mkdirSync(DIR, { recursive: true })
  const sizes = {}
  for (const [name, [source, options]] of Object.entries(cases)) sizes[name] = await measure(name, source, options)
  for (const [name, [, options]] of Object.entries(cases))
    if (options?.less) {
      const less = sizes[options.less]
      const lazyBytes = (x) => x.lazy.reduce((n, l) => n + l.bytes, 0)
      // Chunks move between lazy and up front when the app imports more: the net change is what counts.
      sizes[name] = {
        upFront: sizes[name].upFront - less.upFront,
        lazyNet: lazyBytes(sizes[name]) - lazyBytes(less),
        lazy: [],
      }
    }
  const base = sizes[BASELINE].upFront
  const rows = Object.entries(sizes).map(([name, s]) => ({
    case: name,
    'up front kB': kB(s.upFront),
    [`× ${BASELINE}`]: (s.upFront / base).toFixed(2),
    'lazy chunks kB':
      s.lazyNet !== undefined ? '—' : s.lazy.length ? s.lazy.map((l) => `${l.file} ${kB(l.bytes)}`).join(', ') : '—',
  }))
  const title =
    '1. Size: esbuild browser bundle (ESM, minified), gzip -9; up front = what the entry reaches statically, as one file (dynamic imports left out); lazy chunks each on their own'
  console.log(title)
  for (const r of rows)
    console.log(
      `  ${r.case.padEnd(62)} ${r['up front kB'].padStart(5)} kB  ${r[`× ${BASELINE}`]}×  lazy: ${r['lazy chunks kB']}`,
    )
  return { title, rows, sizes }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bench()
