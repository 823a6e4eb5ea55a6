/**
 * Doc tests: every ```ts / ```tsx block of the READMEs is type-checked (one TypeScript program for
 * all of them), and the blocks marked `<!-- doc-test: run -->` run against a dev server.
 *
 * Conventions, for README authors:
 * - A block is a module of its own. Names it uses without defining them (`client`, `baseUrl`, `server`,
 *   …) come from its README's prelude below; a prelude name is left out when the block defines it.
 * - `<!-- doc-test: run -->` on the line before a block (blank lines allowed) runs it. The address
 *   `http://127.0.0.1:8000` in a runnable block is replaced by the test's dev server (demo seed).
 * - `<!-- doc-test: skip (reason) -->` leaves a block out; the reason is required.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type HorizonServer, startHorizonServer } from '@horizon-ts/server'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HorizonClient, LoginPassword } from '../src/index.js'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const readmes = [
  'README.md',
  'packages/core/README.md',
  'packages/react/README.md',
  'packages/server/README.md',
  'apps/demo/README.md',
]

/** A name a block may use without defining it: its type-check declaration and, for runnable blocks, its value. */
interface PreludeEntry {
  name: string
  check: string
  run?: string
}

const RUN_URL = 'http://127.0.0.1:8000'
const g = globalThis as unknown as { __docTest?: { baseUrl: string; server: HorizonServer } }

const coreImports = (...names: string[]): PreludeEntry[] =>
  names.map((name) => ({ name, check: `import { ${name} } from '@horizon-ts/core'` }))

const corePrelude: PreludeEntry[] = [
  ...coreImports('HorizonClient', 'LoginPassword', 'exactJson'),
  { name: 'HorizonClientOptions', check: `import type { HorizonClientOptions } from '@horizon-ts/core'` },
  { name: 'NamespaceResponseV1', check: `import type { NamespaceResponseV1 } from '@horizon-ts/core'` },
  { name: 'AuthStrategy', check: `import type { AuthStrategy } from '@horizon-ts/core'` },
  {
    name: 'baseUrl',
    check: 'declare const baseUrl: string',
    run: 'const baseUrl: string = (globalThis as any).__docTest.baseUrl',
  },
  {
    name: 'client',
    check: 'declare const client: HorizonClient',
    run: `const client = new HorizonClient({ baseUrl, auth: new LoginPassword({ login: 'admin', password: 'demo' }) })`,
  },
  {
    name: 'ns',
    check: 'declare const ns: NamespaceResponseV1',
    run: `const ns = await client.createNamespace({ name: 'doc_tests' }, { ifNotExists: true })`,
  },
  {
    name: 'auth',
    check: 'declare const auth: AuthStrategy',
    run: `const auth = new LoginPassword({ login: 'admin', password: 'demo' })`,
  },
  { name: 'login', check: 'declare const login: string' },
  { name: 'password', check: 'declare const password: string' },
  { name: 'customFetch', check: 'declare const customFetch: typeof fetch' },
  ...['onRequest', 'onResponse', 'onRetry', 'onError', 'onWarning'].map((name) => ({
    name,
    check: `declare const ${name}: NonNullable<HorizonClientOptions['hooks']>['${name}']`,
  })),
  { name: 'log', check: `declare const log: Pick<Console, 'debug' | 'warn' | 'error'>` },
  { name: 'metrics', check: 'declare const metrics: { observe(ms: number): void }' },
]

const reactPrelude: PreludeEntry[] = [
  { name: 'HorizonClient', check: `import type { HorizonClient } from '@horizon-ts/core'` },
  { name: 'HorizonProvider', check: `import { HorizonProvider } from '@horizon-ts/react'` },
  { name: 'App', check: 'declare function App(): React.JSX.Element' },
  { name: 'HwmDetail', check: 'declare function HwmDetail(props: { id: number }): React.JSX.Element' },
  { name: 'serverClient', check: 'declare const serverClient: HorizonClient' },
  { name: 'browserClient', check: 'declare const browserClient: HorizonClient' },
  { name: 'id', check: 'declare const id: number' },
  { name: 'res', check: `declare const res: import('node:http').ServerResponse` },
]

const serverPrelude: PreludeEntry[] = [
  { name: 'HorizonServer', check: `import type { HorizonServer } from '@horizon-ts/server'` },
  {
    name: 'server',
    check: 'declare const server: HorizonServer',
    run: 'const server: HorizonServer = (globalThis as any).__docTest.server',
  },
]

const preludes: Record<string, PreludeEntry[]> = {
  'README.md': corePrelude,
  'packages/core/README.md': corePrelude,
  'packages/react/README.md': reactPrelude,
  'packages/server/README.md': serverPrelude,
  'apps/demo/README.md': corePrelude,
}

/** Where a block's module lives for the type-check: inside the package whose dependencies it imports. */
const homes: Record<string, string> = {
  'README.md': 'packages/react',
  'packages/core/README.md': 'packages/core',
  'packages/react/README.md': 'packages/react',
  'packages/server/README.md': 'packages/server',
  'apps/demo/README.md': 'packages/react',
}

interface Block {
  readme: string
  line: number
  lang: 'ts' | 'tsx'
  code: string
  run: boolean
  skip?: string
  /** the module the type-check reads */
  file: string
  /** lines of prelude before the block's first line in `source` */
  offset: number
  source: string
}

/** Top-level names a block defines itself (imports, declarations). */
function definedNames(code: string, lang: 'ts' | 'tsx'): Set<string> {
  const sf = ts.createSourceFile(
    `x.${lang}`,
    code,
    ts.ScriptTarget.ES2022,
    false,
    lang === 'tsx' ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const names = new Set<string>()
  const bind = (n: ts.BindingName) => {
    if (ts.isIdentifier(n)) names.add(n.text)
    else for (const e of n.elements) if (!ts.isOmittedExpression(e)) bind(e.name)
  }
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && st.importClause) {
      const c = st.importClause
      if (c.name) names.add(c.name.text)
      const b = c.namedBindings
      if (b && ts.isNamespaceImport(b)) names.add(b.name.text)
      if (b && ts.isNamedImports(b)) for (const e of b.elements) names.add(e.name.text)
    } else if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) bind(d.name)
    else if (
      (ts.isFunctionDeclaration(st) ||
        ts.isClassDeclaration(st) ||
        ts.isInterfaceDeclaration(st) ||
        ts.isTypeAliasDeclaration(st)) &&
      st.name
    )
      names.add(st.name.text)
  }
  return names
}

function prelude(readme: string, code: string, lang: 'ts' | 'tsx', mode: 'check' | 'run'): string[] {
  const own = definedNames(code, lang)
  const entries = (preludes[readme] ?? []).filter((e) => !own.has(e.name))
  if (mode === 'check') return entries.map((e) => e.check)
  // A run prelude gives values only, and only those the block uses (with what they use in turn:
  // an entry uses only entries listed before it).
  const used = new Set<string>()
  const mentions = (text: string, name: string) => new RegExp(`\\b${name}\\b`).test(text)
  for (const e of [...entries].reverse()) {
    const text = e.run ?? e.check
    if (!mentions(code, e.name) && !used.has(e.name)) continue
    if (text.startsWith('declare ') || text.startsWith('import type')) continue
    used.add(e.name)
    for (const other of entries) if (other !== e && mentions(text, other.name)) used.add(other.name)
  }
  return entries.filter((e) => used.has(e.name)).map((e) => e.run ?? e.check)
}

function extract(readme: string): Block[] {
  const text = readFileSync(join(repo, readme), 'utf8')
  const lines = text.split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(ts|tsx|typescript)\s*$/.exec(lines[i] ?? '')
    if (!open) {
      if (/^```/.test(lines[i] ?? '')) {
        // another language: skip to its end
        for (i++; i < lines.length && !/^```\s*$/.test(lines[i] ?? ''); i++);
      }
      continue
    }
    const lang = open[1] === 'tsx' ? 'tsx' : 'ts'
    let j = i - 1
    while (j >= 0 && (lines[j] ?? '').trim() === '') j--
    const marker = /^<!--\s*doc-test:\s*(run|skip)\s*(?:\((.+)\))?\s*-->$/.exec((lines[j] ?? '').trim())
    const start = i + 1
    let end = start
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++
    const code = lines.slice(start, end).join('\n')
    const pre = prelude(readme, code, lang, 'check')
    const file = join(
      repo,
      homes[readme] ?? 'packages/core',
      '.readme-blocks',
      `${readme.replace(/[/.]/g, '_')}_L${i + 1}.${lang}`,
    )
    blocks.push({
      readme,
      line: i + 1,
      lang,
      code,
      run: marker?.[1] === 'run',
      ...(marker?.[1] === 'skip' ? { skip: marker[2] ?? '' } : {}),
      file,
      offset: pre.length,
      source: `${pre.join('\n')}\n${code}\nexport {}\n`,
    })
    i = end
  }
  return blocks
}

const blocks = readmes.flatMap(extract)

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noUncheckedIndexedAccess: true,
  esModuleInterop: true,
  skipLibCheck: false,
  // TypeScript's own lib.*.d.ts (lib.dom alone: 15 s); every other declaration file is checked
  skipDefaultLibCheck: true,
  noEmit: true,
  types: ['node'],
  // absolute, so no baseUrl (deprecated in TypeScript 6)
  paths: {
    '@horizon-ts/core': [join(repo, 'packages/core/src/index.ts')],
    '@horizon-ts/core/*': [join(repo, 'packages/core/src/entries/*.ts')],
    '@horizon-ts/server': [join(repo, 'packages/server/src/index.ts')],
    '@horizon-ts/server/app': [join(repo, 'packages/server/src/app-entry.ts')],
    '@horizon-ts/react': [join(repo, 'packages/react/src/index.ts')],
  },
}

let program: ts.Program
let checkMs = 0

describe('README code blocks type-check', () => {
  beforeAll(() => {
    const started = performance.now()
    const virtual = new Map(blocks.filter((b) => b.skip === undefined).map((b) => [b.file, b.source]))
    const host = ts.createCompilerHost(options, true)
    const { fileExists, readFile, getSourceFile } = host
    host.getCurrentDirectory = () => repo
    host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f)
    host.readFile = (f) => virtual.get(f) ?? readFile.call(host, f)
    host.getSourceFile = (f, lang, onError, create) => {
      const text = virtual.get(f)
      return text === undefined
        ? getSourceFile.call(host, f, lang, onError, create)
        : ts.createSourceFile(f, text, lang, true)
    }
    program = ts.createProgram([...virtual.keys()], options, host)
    // the whole check happens here, so that its time is one figure: the blocks, and every declaration
    // file they reach (skipLibCheck: false). The packages' sources are `pnpm typecheck`'s business.
    for (const sf of program.getSourceFiles())
      if (virtual.has(sf.fileName) || (sf.isDeclarationFile && !program.isSourceFileDefaultLibrary(sf)))
        program.getSemanticDiagnostics(sf)
    checkMs = performance.now() - started
  }, 120_000)

  afterAll(() => {
    console.log(
      `doc tests: ${blocks.length} blocks, ${blocks.filter((b) => b.skip === undefined).length} type-checked, ` +
        `${blocks.filter((b) => b.run && b.skip === undefined).length} run, ${blocks.filter((b) => b.skip !== undefined).length} skipped; ` +
        `one program in ${Math.round(checkMs)} ms`,
    )
  })

  it('finds the blocks', () => {
    expect(blocks.length).toBeGreaterThan(0)
    for (const b of blocks)
      if (b.skip !== undefined) expect(b.skip, `${b.readme}:${b.line} skip needs a reason`).not.toBe('')
  })

  it('declarations the blocks reach (skipLibCheck: false)', () => {
    const own = new Set(blocks.map((b) => b.file))
    const diags = [
      ...program.getGlobalDiagnostics(),
      ...program.getOptionsDiagnostics(),
      ...program
        .getSourceFiles()
        .flatMap((sf) => (sf.isDeclarationFile && !own.has(sf.fileName) ? program.getSemanticDiagnostics(sf) : [])),
    ]
    expect(diags.map((d) => format(d))).toEqual([])
  })

  for (const b of blocks) {
    const name = `${b.readme}:${b.line} (${b.lang})`
    if (b.skip !== undefined) {
      it.skip(`${name} — ${b.skip}`, () => {})
      continue
    }
    it(name, () => {
      const sf = program.getSourceFile(b.file)
      expect(sf, `${b.file} not in the program`).toBeDefined()
      const diags = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]
      expect(diags.map((d) => format(d, b))).toEqual([])
    })
  }
})

/** A diagnostic as `README.md:line: message`, the line counted in the README. */
function format(d: ts.Diagnostic, b?: Block): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n')
  if (!d.file || d.start === undefined) return message
  const { line } = d.file.getLineAndCharacterOfPosition(d.start)
  if (b) {
    const at = line - b.offset
    return at >= 0 && at < b.code.split('\n').length
      ? `${b.readme}:${b.line + 1 + at}: ${message}`
      : `prelude line ${line + 1}: ${message}`
  }
  return `${d.file.fileName}:${line + 1}: ${message}`
}

describe('README runnable blocks run against the dev server', () => {
  let server: HorizonServer
  let dir: string
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0, seed: 'demo' })
    g.__docTest = { baseUrl: server.url, server }
    dir = mkdtempSync(join(tmpdir(), 'readme-blocks-'))
    // the exact-values example reads HWM 5 and writes it back: give it an int64 to keep
    const admin = new HorizonClient({ baseUrl: server.url, auth: new LoginPassword({ login: 'admin', password: 'x' }) })
    await admin.updateHwm(5, { value: { offset: 1733080000123456789n } })
  })
  afterAll(async () => {
    await server?.close()
    delete g.__docTest
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  for (const b of blocks.filter((x) => x.run && x.skip === undefined)) {
    it(`${b.readme}:${b.line} (${b.lang})`, async () => {
      const code = b.code.replaceAll(RUN_URL, g.__docTest?.baseUrl ?? RUN_URL)
      const pre = prelude(b.readme, b.code, b.lang, 'run')
      const file = join(dir, `${b.readme.replace(/[/.]/g, '_')}_L${b.line}.${b.lang}`)
      writeFileSync(file, `${pre.join('\n')}\n${code}\nexport {}\n`)
      await import(/* @vite-ignore */ pathToFileURL(file).href)
      if (b.code.includes('client.getHwm(5)')) {
        // the block's read-modify-write kept every digit on the server
        const text = await rawHwm(server.url, 5)
        expect(text).toContain('"offset":1733080000123456789')
      }
    })
  }
})

async function rawHwm(url: string, id: number): Promise<string> {
  const form = new URLSearchParams({ username: 'admin', password: 'x' })
  const token = (await (await fetch(`${url}/v1/auth/token`, { method: 'POST', body: form })).json()) as {
    access_token: string
  }
  const res = await fetch(`${url}/v1/hwm/${id}`, { headers: { authorization: `Bearer ${token.access_token}` } })
  return (await res.text()).replace(/\s/g, '')
}
