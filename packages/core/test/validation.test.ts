import { describe, expect, it } from 'vitest'
import { HorizonClient, RequestValidationError } from '../src/index.js'
import { scriptedFetch } from './support.js'

// Bad input is refused before anything is sent: the fetch must never be called.
const s = scriptedFetch()
const c = new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch })
const refuse = async (call: () => Promise<unknown>) => {
  const e = await call().then(
    () => undefined,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(RequestValidationError)
  expect(s.calls).toHaveLength(0)
  return (e as RequestValidationError).details
}

describe('client-side validation, same details as the server', () => {
  it('page and page_size', async () => {
    expect(await refuse(() => c.paginateNamespaces({ page_size: 51 }))).toEqual([
      {
        location: ['query', 'page_size'],
        message: 'Input should be less than or equal to 50',
        code: 'less_than_equal',
        context: { le: 50 },
        input: 51,
      },
    ])
    expect((await refuse(() => c.paginateNamespaces({ page_size: 0 })))[0]?.code).toBe('greater_than')
    expect((await refuse(() => c.paginateHwm({ namespace_id: 1, page: 0 })))[0]?.location).toEqual(['query', 'page'])
    expect((await refuse(() => c.paginateHwmHistory({ hwm_id: 1, page_size: 100 })))[0]?.code).toBe('less_than_equal')
    expect((await refuse(() => c.paginateNamespaceHistory({ namespace_id: 1, page: -1 })))[0]?.code).toBe(
      'greater_than',
    )
  })

  it('integer ids in paths, queries and bodies', async () => {
    expect(await refuse(() => c.getHwm(1.5))).toEqual([
      {
        location: ['path', 'hwm_id'],
        message: 'Input should be a valid integer, got a number with a fractional part',
        code: 'int_from_float',
        context: {},
        input: 1.5,
      },
    ])
    expect((await refuse(() => c.getNamespace(Number.NaN)))[0]?.code).toBe('int_type')
    expect((await refuse(() => c.paginateHwm({ namespace_id: '1x' as unknown as number })))[0]?.code).toBe(
      'int_parsing',
    )
    expect((await refuse(() => c.bulkDeleteHwm(1, [1, 2.5])))[0]?.location).toEqual(['body', 'hwm_ids', 1])
  })

  it('lengths of names and types', async () => {
    expect((await refuse(() => c.createNamespace({ name: '' })))[0]).toMatchObject({
      code: 'string_too_short',
      context: { min_length: 1 },
    })
    expect((await refuse(() => c.createNamespace({ name: 'n'.repeat(257) })))[0]?.context).toEqual({ max_length: 256 })
    expect((await refuse(() => c.updateNamespace(1, { name: '' })))[0]?.code).toBe('string_too_short')
    const hwm = { namespace_id: 1, name: 'h', type: 't', value: 1 }
    expect((await refuse(() => c.createHwm({ ...hwm, name: 'n'.repeat(2049) })))[0]?.context).toEqual({
      max_length: 2048,
    })
    expect((await refuse(() => c.createHwm({ ...hwm, type: 't'.repeat(65) })))[0]?.context).toEqual({ max_length: 64 })
    expect((await refuse(() => c.updateHwm(1, { type: '' })))[0]?.code).toBe('string_too_short')
    expect((await refuse(() => c.paginateNamespaces({ name: '' })))[0]?.location).toEqual(['query', 'name'])
  })

  it('required fields', async () => {
    const body = { namespace_id: 1, name: 'h', type: 't' } as Parameters<typeof c.createHwm>[0]
    expect(await refuse(() => c.createHwm(body))).toEqual([
      { location: ['body', 'value'], message: 'Field required', code: 'missing', context: {}, input: body },
    ])
  })

  it('at least one field in an update', async () => {
    expect(await refuse(() => c.updateHwm(1, {}))).toEqual([
      {
        location: ['body'],
        message: 'Value error, At least one field must be set.',
        code: 'value_error',
        context: {},
        input: {},
      },
    ])
    expect((await refuse(() => c.updateNamespace(1, {})))[0]?.code).toBe('value_error')
  })

  it('non-empty id lists and source ≠ target', async () => {
    expect(await refuse(() => c.bulkDeleteHwm(1, []))).toEqual([
      {
        location: ['body', 'hwm_ids'],
        message: 'Value error, List should have at least 1 item after validation, not 0',
        code: 'value_error',
        context: {},
        input: [],
      },
    ])
    expect(
      (await refuse(() => c.bulkCopyHwm({ source_namespace_id: 1, target_namespace_id: 2, hwm_ids: [] })))[0]?.code,
    ).toBe('value_error')
    expect(
      (await refuse(() => c.bulkCopyHwm({ source_namespace_id: 1, target_namespace_id: 1, hwm_ids: [1] })))[0]?.message,
    ).toBe('Value error, Source and target namespace IDs must not be the same.')
  })

  it('permissions: unique usernames, at most one owner, known roles', async () => {
    const dup = {
      permissions: [
        { username: 'a', role: 'DEVELOPER' as const },
        { username: 'a', role: null },
      ],
    }
    expect((await refuse(() => c.updateNamespacePermissions(1, dup)))[0]?.message).toBe(
      'Value error, Duplicate username detected: a. Each username must appear only once.',
    )
    const owners = {
      permissions: [
        { username: 'a', role: 'OWNER' as const },
        { username: 'b', role: 'OWNER' as const },
      ],
    }
    expect((await refuse(() => c.updateNamespacePermissions(1, owners)))[0]?.message).toBe(
      'Value error, Multiple owner role assignments detected. Only one owner can be assigned.',
    )
    const role = { permissions: [{ username: 'a', role: 'ADMIN' as 'OWNER' }] }
    expect((await refuse(() => c.updateNamespacePermissions(1, role)))[0]?.code).toBe('enum')
  })

  it('the message names the fields', async () => {
    await expect(c.createNamespace({ name: '' })).rejects.toThrow('body.name: String should have at least 1 character')
  })
})

describe('string lengths count code points, in place', () => {
  it('astral characters count once, lone surrogates are refused, a huge string stops at the limit', async () => {
    const { validate } = await import('../src/entries/constraints.js')
    const name = (n: string) => validate('NamespaceCreateRequestV1', { name: n }, 'body').issues.map((i) => i.code)
    expect(name('😀'.repeat(256))).toEqual([])
    expect(name('😀'.repeat(257))).toEqual(['string_too_long'])
    expect(name('\ud800'.repeat(3))).toEqual(['string_unicode'])
    expect(name(`${'a'.repeat(255)}\udc00\ud800`)).toEqual(['string_unicode'])
    expect(name('x'.repeat(50_000_000))).toEqual(['string_too_long'])
  })
})
