/**
 * The response writer's native fast path (`JSON.stringify` where it writes the same text) against the
 * careful writer, on values parsed as bodies are and on plain rows; and the timestamps' format.
 */
import { describe, expect, it } from 'vitest'
import { isoMicros } from '../src/clock.js'
import { nativeWritable } from '../src/json-fast-path.js'
import { PyFloat, parsePyJson, writePyJson } from '../src/py-json.js'
import { utf8Length } from '../src/utf8-length.js'
import { seededRandom } from './seeded-random.js'

const ATOMS = [
  '0',
  '-0',
  '1',
  '1.0',
  '1e-7',
  '1E400',
  '12345678901234567890',
  '9007199254740993',
  '1e21',
  '1e20',
  '100000000000000000000',
  '0.1',
  '-2.5e-300',
  'true',
  'false',
  'null',
  '""',
  '"é\\u0000\\ud800"',
  '"a\\"b"',
  '2147483648',
]
const KEYS = ['a', 'b', '0', '10', '01', '__proto__', 'é', '-1', '4294967295', 'z']

/** A random JSON text of nested arrays and objects over the atoms and keys above. */
function text(pick: (n: number) => number, depth = 0): string {
  const kind = depth > 3 ? 0 : pick(3)
  if (kind === 0) return ATOMS[pick(ATOMS.length)]!
  const n = pick(4)
  if (kind === 1) return `[${Array.from({ length: n }, () => text(pick, depth + 1)).join(',')}]`
  return `{${Array.from({ length: n }, () => `"${KEYS[pick(KEYS.length)]}":${text(pick, depth + 1)}`).join(',')}}`
}

describe('the response writer', () => {
  it('writes what the careful writer writes, on 20,000 random parsed values, taking the fast path for some', () => {
    const pick = seededRandom(7)
    let fast = 0
    for (let i = 0; i < 20_000; i++) {
      const value = parsePyJson(text(pick))
      const row = { id: i, name: 'n', value, changed_at: isoMicros(1_700_000_000_000_000 + i), changed_by: null }
      for (const x of [value, row]) {
        // Beside a float, the whole array goes through the careful writer.
        for (const style of ['python', 'pydantic'] as const)
          expect(`[${writePyJson(x, style)},0.5]`).toBe(writePyJson([x, new PyFloat(0.5)], style))
        if (nativeWritable(x)) fast++
      }
    }
    expect(fast).toBeGreaterThan(5_000)
  })

  it('leaves floats, big integers, reordered keys and toJSON to the careful writer', () => {
    for (const body of ['1.0', '{"b":1,"a":1e-7}', '[12345678901234567890]', '{"1":1,"0":2}', '{"x":[1,{"2":0}]}'])
      expect(nativeWritable(parsePyJson(body)), body).toBe(false)
    expect(nativeWritable(0.5)).toBe(false)
    expect(nativeWritable(1e21)).toBe(false)
    expect(nativeWritable(new Date(0))).toBe(false)
    expect(nativeWritable({ a: undefined })).toBe(false)
    expect(nativeWritable({ a: [1, 'x', null, true, { b: -3 }] })).toBe(true)
  })
})

describe('timestamps', () => {
  it('are ISO 8601 in UTC with microseconds when not zero, whatever second came before', () => {
    expect(isoMicros(Date.parse('2026-10-01T06:00:00Z') * 1000)).toBe('2026-10-01T06:00:00Z')
    expect(isoMicros(Date.parse('2026-10-01T06:00:00Z') * 1000 + 1)).toBe('2026-10-01T06:00:00.000001Z')
    expect(isoMicros(Date.parse('2026-10-01T06:00:01Z') * 1000 + 999_999)).toBe('2026-10-01T06:00:01.999999Z')
    expect(isoMicros(Date.parse('2026-10-01T06:00:00Z') * 1000 + 120_000)).toBe('2026-10-01T06:00:00.120000Z')
    expect(isoMicros(-1)).toBe('1969-12-31T23:59:59.999999Z')
  })
})

describe('utf8Length', () => {
  it('counts what TextEncoder writes, lone surrogates included', () => {
    const samples = [
      '',
      'abc',
      'é',
      '€',
      '😀',
      'a😀b',
      '\ud800',
      '\udc00x',
      '\ud800\ud800\udc00',
      'ß'.repeat(300),
      '"\\u0000"',
    ]
    const pick = seededRandom(3)
    for (let i = 0; i < 2000; i++)
      samples.push(
        String.fromCharCode(
          ...Array.from(
            { length: pick(12) },
            () => [pick(0x80), pick(0x800), 0xd800 + pick(0x800), pick(0x10000)][pick(4)]!,
          ),
        ),
      )
    const encoder = new TextEncoder()
    for (const s of samples) expect(utf8Length(s), JSON.stringify(s)).toBe(encoder.encode(s).length)
  })
})
