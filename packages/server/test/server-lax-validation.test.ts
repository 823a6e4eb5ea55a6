/**
 * The lax reading the server gives requests (`laxInt` and `numberOf` as `validate`'s options:
 * pydantic 2's lax mode, as the real Horizon 1.1.3 answered each case), and the strict default the
 * client keeps.
 */
import { validate } from '@horizon-ts/core/constraints'
import { describe, expect, it } from 'vitest'
import { laxInt } from '../src/lax-int.js'
import { numberOf, PyFloat } from '../src/py-json.js'

const LAX = { laxInt }
const int = (x: unknown, options = {}) => validate('HwmPath', { hwm_id: x }, 'path', options)
const codes = (r: ReturnType<typeof int>) => r.issues.map((i) => i.code)

/** A float that remembers it was one, as the server's parser keeps it. */
const Float = PyFloat

describe('validate, lax', () => {
  it('reads integer strings as pydantic-core does: trimmed, underscores between digits, a zero fraction', () => {
    for (const [text, value] of [
      ['1.0', 1],
      ['1.000', 1],
      [' 1_0.00 ', 10],
      ['+1_0', 10],
      ['\u00a07\n', 7],
      ['01', 1],
      ['1_0_0', 100],
    ] as const)
      expect(int(text, LAX), text).toEqual({ value: { hwm_id: value }, issues: [] })
    for (const text of ['1.', '.0', '1.0.0', '1__0', '_1', '1_', '1e0', '1.5', '0x10', '1.0_0', '١'])
      expect(codes(int(text, LAX)), text).toEqual(['int_parsing'])
  })

  it('keeps every digit of an integer string beyond 2^53, and of a bigint', () => {
    expect(int('9223372036854775807', LAX).value).toEqual({ hwm_id: 9223372036854775807n })
    expect(int(12345678901234567890n, LAX).value).toEqual({ hwm_id: 12345678901234567890n })
  })

  it('reads true and false as 1 and 0', () => {
    expect(int(true, LAX).value).toEqual({ hwm_id: 1 })
    expect(validate('NamespacePath', { namespace_id: false }, 'path', LAX).issues).toEqual([])
  })

  it('reads a kept float through numberOf, and echoes it as given', () => {
    const options = { laxInt, numberOf }
    expect(int(new Float(5), options).value).toEqual({ hwm_id: 5 })
    const half = new Float(5.5)
    expect(int(half, options).issues).toEqual([
      {
        location: ['path', 'hwm_id'],
        message: 'Input should be a valid integer, got a number with a fractional part',
        code: 'int_from_float',
        context: {},
        input: half,
      },
    ])
    expect(codes(int(new Float(Number.POSITIVE_INFINITY), options))).toEqual(['finite_number'])
    // a kept float is a number, not an object with fields
    expect(codes(validate('NamespaceCreateRequestV1', new Float(1), 'body', options))).toEqual([
      'model_attributes_type',
    ])
    expect(
      validate(
        'HWMBulkCopyRequestV1',
        { source_namespace_id: 1, target_namespace_id: 2, hwm_ids: [1], with_history: new Float(1) },
        'body',
        options,
      ).value,
    ).toMatchObject({ with_history: true })
  })
})

describe('validate, strict (the client)', () => {
  it('refuses what only the lax reading takes', () => {
    expect(codes(int('1.0'))).toEqual(['int_parsing'])
    expect(codes(int('1_0'))).toEqual(['int_parsing'])
    expect(codes(int(true))).toEqual(['int_type'])
    expect(codes(int(12345678901234567890n))).toEqual(['int_type'])
    expect(codes(int(Number.POSITIVE_INFINITY))).toEqual(['int_type'])
    expect(int(' 7 ').value).toEqual({ hwm_id: 7 })
  })
})

describe("Horizon's hwm_ids validator runs len() before the list check", () => {
  it('answers an empty string or object as an empty list, in either mode', () => {
    for (const options of [{}, LAX])
      for (const ids of ['', {}]) {
        const { issues } = validate('HWMBulkDeleteRequestV1', { namespace_id: 1, hwm_ids: ids }, 'body', options)
        expect(issues).toEqual([
          {
            location: ['body', 'hwm_ids'],
            message: 'Value error, List should have at least 1 item after validation, not 0',
            code: 'value_error',
            context: {},
            input: ids,
          },
        ])
      }
    const { issues } = validate('HWMBulkDeleteRequestV1', { namespace_id: 1, hwm_ids: 'abc' }, 'body')
    expect(issues.map((i) => i.code)).toEqual(['list_type'])
  })
})

describe('an enum field', () => {
  it('answers a value that is not a string with its enum error, as pydantic does for a str Enum', () => {
    for (const role of [1, true, [], {}]) {
      const { issues } = validate('PermissionUpdateRequestItemV1', { username: 'u', role }, 'body')
      expect(
        issues.map((i) => [i.code, i.input]),
        String(role),
      ).toEqual([['enum', role]])
    }
  })
})
