// Reports exported API without TSDoc: `node scripts/tsdoc-check.mjs <entry.ts|entry.d.ts> ...`.
// Every exported function, class, variable and hook needs a summary; functions, classes, hooks
// and public methods (the HorizonClient methods mapped from the operation table included) need
// an `@example`; public class properties and every property of an exported `*Options`, `*Props`
// or `Hooks` type need a summary; exported types need a summary. One Program over all entries.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ts = createRequire(path.join(root, 'package.json'))('typescript')

/** Compiler options: the tsconfig found in `cwd` (the repo's paths map workspace packages to sources), else defaults. */
function compilerOptions(cwd) {
  const config = path.join(cwd, 'tsconfig.json')
  const fallback = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    skipLibCheck: true,
  }
  if (!existsSync(config)) return fallback
  const parsed = ts.getParsedCommandLineOfConfigFile(
    config,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
  )
  return parsed ? { ...parsed.options, noEmit: true } : fallback
}

const text = (parts) => ts.displayPartsToString(parts).trim()
const isOptionsName = (name) => /(Options|Props)$/.test(name) || name === 'Hooks'
const isHookName = (name) => /^use[A-Z]/.test(name)
/** Declared by a third party (TanStack, the DOM): not ours to document. */
const foreign = (symbol) =>
  (symbol.declarations ?? []).length > 0 &&
  symbol.declarations.every((d) => {
    const file = d.getSourceFile().fileName.replaceAll('\\', '/')
    return file.includes('/node_modules/') && !file.includes('/@horizon-ts/')
  })

/**
 * The missing items of `files`: `{ entry, name, missing: 'summary' | 'example' }` in order.
 * @example `checkTsdoc(['packages/core/src/index.ts']).length // 0`
 */
export function checkTsdoc(files, { cwd = process.cwd() } = {}) {
  const entries = files.map((f) => path.resolve(cwd, f))
  const program = ts.createProgram(entries, compilerOptions(cwd))
  const checker = program.getTypeChecker()
  const found = []

  for (const entry of entries) {
    const label = path.relative(cwd, entry).replaceAll('\\', '/')
    const source = program.getSourceFile(entry)
    if (!source) {
      found.push({ entry: label, name: '(file)', missing: 'summary' })
      continue
    }
    const moduleSymbol = checker.getSymbolAtLocation(source)
    if (!moduleSymbol) continue
    const report = (name, missing) => found.push({ entry: label, name, missing })
    const summary = (symbol) => text(symbol.getDocumentationComment(checker)) !== ''
    const example = (symbol) => symbol.getJsDocTags(checker).some((t) => t.name === 'example')
    const require = (symbol, name, needsExample) => {
      if (!summary(symbol)) report(name, 'summary')
      if (needsExample && !example(symbol)) report(name, 'example')
    }
    const callable = (type) => type.getCallSignatures().length > 0

    /** Public members of a class (instance and static), generated ones included. */
    const classMembers = (symbol, name) => {
      const instance = checker.getDeclaredTypeOfSymbol(symbol)
      const statics = checker.getTypeOfSymbol(symbol)
      const members = [
        ...checker.getPropertiesOfType(instance).map((m) => [m, `${name}.${m.name}`]),
        ...checker
          .getPropertiesOfType(statics)
          .filter((m) => m.name !== 'prototype')
          .map((m) => [m, `${name}.${m.name}`]),
      ]
      for (const [member, label] of members) {
        if (member.name.startsWith('#') || member.name.startsWith('__#') || foreign(member)) continue
        const flags = member.valueDeclaration ? ts.getCombinedModifierFlags(member.valueDeclaration) : 0
        if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue
        const isMethod =
          member.flags & ts.SymbolFlags.Method ||
          (!(member.flags & ts.SymbolFlags.GetAccessor) && callable(checker.getTypeOfSymbol(member)))
        require(member, label, Boolean(isMethod))
      }
    }

    for (let symbol of checker.getExportsOfModule(moduleSymbol)) {
      const name = symbol.name
      if (name === 'default' && !symbol.declarations?.length) continue
      // The doc at the re-export wins where one is written; else the declaration's.
      const exported = symbol
      if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol)
      const pick = (test) => (test(exported) ? exported : symbol)
      const flags = symbol.flags
      if (flags & ts.SymbolFlags.Class) {
        require(pick(summary), name, true)
        classMembers(symbol, name)
      } else if (flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable)) {
        const fn = flags & ts.SymbolFlags.Function || isHookName(name) || callable(checker.getTypeOfSymbol(symbol))
        if (!summary(exported) && !summary(symbol)) report(name, 'summary')
        if (fn && !example(exported) && !example(symbol)) report(name, 'example')
      }
      if (flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) {
        if (!(flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Value)) && !summary(exported) && !summary(symbol))
          report(name, 'summary')
        if (isOptionsName(name)) {
          const type = checker.getDeclaredTypeOfSymbol(symbol)
          for (const prop of checker.getPropertiesOfType(type))
            if (!foreign(prop) && !summary(prop)) report(`${name}.${prop.name}`, 'summary')
        }
      }
    }
  }
  return found
}

const invoked = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url
if (invoked) {
  const files = process.argv.slice(2)
  if (!files.length) {
    console.error('usage: node scripts/tsdoc-check.mjs <entry.ts|entry.d.ts> ...')
    process.exit(2)
  }
  const found = checkTsdoc(files)
  for (const { entry, name, missing } of found) console.log(`${entry}: ${name}: missing ${missing}`)
  console.log(`tsdoc-check: ${found.length} missing item(s) in ${files.length} entry file(s)`)
  process.exit(found.length ? 1 : 0)
}
