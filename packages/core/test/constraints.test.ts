import { describe, expect, it } from 'vitest'
import { limits, models, ROLES, validate } from '../src/horizon/constraints.js'

// Expected items are written out literally, as the real Horizon 1.1.3 (pydantic 2) answers them.
describe('constraint table', () => {
  it('page and page_size', () => {
    expect(validate('PaginateNamespacesQuery', { page_size: '51' }, 'query').issues).toEqual([
      {
        location: ['query', 'page_size'],
        message: 'Input should be less than or equal to 50',
        code: 'less_than_equal',
        context: { le: 50 },
        input: '51',
      },
    ])
    expect(validate('PaginateNamespacesQuery', { page: 0 }, 'query').issues).toEqual([
      {
        location: ['query', 'page'],
        message: 'Input should be greater than 0',
        code: 'greater_than',
        context: { gt: 0 },
        input: 0,
      },
    ])
    expect(validate('PaginateHwmQuery', { namespace_id: 'abc' }, 'query').issues).toEqual([
      {
        location: ['query', 'namespace_id'],
        message: 'Input should be a valid integer, unable to parse string as an integer',
        code: 'int_parsing',
        context: {},
        input: 'abc',
      },
    ])
    expect(validate('PaginateHwmQuery', {}, 'query').issues).toEqual([
      { location: ['query', 'namespace_id'], message: 'Field required', code: 'missing', context: {}, input: null },
    ])
    const ok = validate('PaginateHwmQuery', { namespace_id: '3', page_size: '50' }, 'query')
    expect(ok).toEqual({ issues: [], value: { namespace_id: 3, page: 1, page_size: 50 } })
  })

  it('string lengths, with the whole body as input of a missing field', () => {
    expect(validate('NamespaceCreateRequestV1', { name: '' }, 'body').issues).toEqual([
      {
        location: ['body', 'name'],
        message: 'String should have at least 1 character',
        code: 'string_too_short',
        context: { min_length: 1 },
        input: '',
      },
    ])
    expect(validate('NamespaceCreateRequestV1', { name: 'x'.repeat(257) }, 'body').issues[0]).toMatchObject({
      message: 'String should have at most 256 characters',
      code: 'string_too_long',
      context: { max_length: 256 },
    })
    expect(validate('NamespaceCreateRequestV1', { name: 'x'.repeat(256) }, 'body').issues).toEqual([])
    const body = { namespace_id: 1, name: 'n', value: 1 }
    expect(validate('HWMCreateRequestV1', body, 'body').issues).toEqual([
      { location: ['body', 'type'], message: 'Field required', code: 'missing', context: {}, input: body },
    ])
    expect(validate('HWMCreateRequestV1', { ...body, type: 't'.repeat(65) }, 'body').issues[0]?.context).toEqual({
      max_length: 64,
    })
    expect(
      validate('HWMCreateRequestV1', { ...body, name: 'n'.repeat(2049), type: 't' }, 'body').issues[0]?.context,
    ).toEqual({
      max_length: 2048,
    })
  })

  it('an update sets at least one field; null value is a value', () => {
    expect(validate('HWMUpdateRequestV1', {}, 'body').issues).toEqual([
      {
        location: ['body'],
        message: 'Value error, At least one field must be set.',
        code: 'value_error',
        context: {},
        input: {},
      },
    ])
    expect(validate('HWMUpdateRequestV1', { value: null }, 'body').issues).toEqual([])
    expect(validate('NamespaceUpdateRequestV1', {}, 'body').issues[0]?.code).toBe('value_error')
  })

  it('copy: different namespaces and a non-empty id list', () => {
    const same = { source_namespace_id: 1, target_namespace_id: 1, hwm_ids: [1] }
    expect(validate('HWMBulkCopyRequestV1', same, 'body').issues).toEqual([
      {
        location: ['body'],
        message: 'Value error, Source and target namespace IDs must not be the same.',
        code: 'value_error',
        context: {},
        input: same,
      },
    ])
    expect(validate('HWMBulkDeleteRequestV1', { namespace_id: 1, hwm_ids: [] }, 'body').issues).toEqual([
      {
        location: ['body', 'hwm_ids'],
        message: 'Value error, List should have at least 1 item after validation, not 0',
        code: 'value_error',
        context: {},
        input: [],
      },
    ])
    expect(
      validate('HWMBulkDeleteRequestV1', { namespace_id: 1, hwm_ids: [1, 'x'] }, 'body').issues[0]?.location,
    ).toEqual(['body', 'hwm_ids', 1])
  })

  it('permissions: enum, unique usernames, one owner', () => {
    const twice = {
      permissions: [
        { username: 'a', role: 'DEVELOPER' },
        { username: 'a', role: null },
      ],
    }
    expect(validate('PermissionsUpdateRequestV1', twice, 'body').issues).toEqual([
      {
        location: ['body', 'permissions'],
        message: 'Value error, Duplicate username detected: a. Each username must appear only once.',
        code: 'value_error',
        context: {},
        input: twice.permissions,
      },
    ])
    const owners = {
      permissions: [
        { username: 'a', role: 'OWNER' },
        { username: 'b', role: 'OWNER' },
      ],
    }
    expect(validate('PermissionsUpdateRequestV1', owners, 'body').issues[0]?.message).toBe(
      'Value error, Multiple owner role assignments detected. Only one owner can be assigned.',
    )
    expect(
      validate('PermissionsUpdateRequestV1', { permissions: [{ username: 'a', role: 'ADMIN' }] }, 'body').issues,
    ).toEqual([
      {
        location: ['body', 'permissions', 0, 'role'],
        message: "Input should be 'DEVELOPER', 'MAINTAINER' or 'OWNER'",
        code: 'enum',
        context: { expected: "'DEVELOPER', 'MAINTAINER' or 'OWNER'" },
        input: 'ADMIN',
      },
    ])
  })

  it('login form: fields under "body", null input when missing, grant_type pattern', () => {
    expect(
      validate('LoginForm', { username: 'u', password: 'p', grant_type: 'client_credentials' }, 'form').issues,
    ).toEqual([
      {
        location: ['body', 'grant_type'],
        message: "String should match pattern '^password$'",
        code: 'string_pattern_mismatch',
        context: { pattern: '^password$' },
        input: 'client_credentials',
      },
    ])
    expect(validate('LoginForm', { username: 'u' }, 'form').issues).toEqual([
      { location: ['body', 'password'], message: 'Field required', code: 'missing', context: {}, input: null },
    ])
  })

  it('booleans: lax words and numbers, like pydantic', () => {
    const body = (with_history: unknown) => ({
      source_namespace_id: 1,
      target_namespace_id: 2,
      hwm_ids: [1],
      with_history,
    })
    expect(validate('HWMBulkCopyRequestV1', body('true'), 'body').value.with_history).toBe(true)
    expect(validate('HWMBulkCopyRequestV1', body(0), 'body').value.with_history).toBe(false)
    expect(validate('HWMBulkCopyRequestV1', body('maybe'), 'body').issues[0]).toMatchObject({
      code: 'bool_parsing',
      message: 'Input should be a valid boolean, unable to interpret input',
    })
    expect(validate('HWMBulkCopyRequestV1', body(null), 'body').issues[0]?.code).toBe('bool_type')
  })

  it('integers: floats with a fraction and non-numbers are refused', () => {
    expect(validate('HwmPath', { hwm_id: 1.5 }, 'path').issues[0]?.code).toBe('int_from_float')
    expect(validate('HwmPath', { hwm_id: 2.0 }, 'path').issues).toEqual([])
    expect(validate('HwmPath', { hwm_id: null }, 'path').issues[0]?.code).toBe('int_type')
    expect(validate('NamespaceCreateRequestV1', ['x'], 'body').issues[0]?.code).toBe('model_attributes_type')
  })

  it('defaults and nulls: absent optional fields stay absent unless Horizon defaults them', () => {
    const hwm = validate('HWMCreateRequestV1', { namespace_id: '1', name: 'n', type: 't', value: 0 }, 'body')
    expect(hwm).toEqual({
      issues: [],
      value: { namespace_id: 1, name: 'n', description: '', type: 't', value: 0, entity: null, expression: null },
    })
    expect(validate('HWMUpdateRequestV1', { value: 1 }, 'body').value).toEqual({ value: 1 })
    expect(validate('PaginateNamespacesQuery', {}, 'query').value).toEqual({ page: 1, page_size: 20 })
    const perms = validate('PermissionsUpdateRequestV1', { permissions: [{ username: 'a', extra: 1 }] }, 'body')
    expect(perms).toEqual({ issues: [], value: { permissions: [{ username: 'a', role: null }] } })
  })

  it('permission items: an object each, a username each', () => {
    expect(validate('PermissionsUpdateRequestV1', { permissions: [5, { role: 'OWNER' }] }, 'body').issues).toEqual([
      {
        location: ['body', 'permissions', 0],
        message: 'Input should be a valid dictionary or object to extract fields from',
        code: 'model_attributes_type',
        context: {},
        input: 5,
      },
      {
        location: ['body', 'permissions', 1, 'username'],
        message: 'Field required',
        code: 'missing',
        context: {},
        input: { role: 'OWNER' },
      },
    ])
    expect(validate('PermissionsUpdateRequestV1', { permissions: 'a' }, 'body').issues[0]?.code).toBe('list_type')
  })
})

describe('limits: the field rules generated from the OpenAPI document, in its words', () => {
  it('answers a field’s limits', () => {
    expect(limits('HWMCreateRequestV1', 'name')).toEqual({
      required: true,
      nullable: false,
      minLength: 1,
      maxLength: 2048,
    })
    expect(limits('NamespaceCreateRequestV1', 'name').maxLength).toBe(256)
    expect(limits('PaginateHwmQuery', 'page_size')).toEqual({
      required: false,
      nullable: false,
      exclusiveMinimum: 0,
      maximum: 50,
      default: 20,
    })
    expect(limits('PaginateHwmQuery', 'name')).toMatchObject({ nullable: true, maxLength: 2048 })
    expect(limits('LoginForm', 'grant_type').pattern).toBe('^password$')
  })

  it('ROLES are the document’s roles, lowest first', () => {
    expect(ROLES).toEqual(['DEVELOPER', 'MAINTAINER', 'OWNER'])
    expect(limits('PermissionUpdateRequestItemV1', 'role').enum).toBe(ROLES)
  })

  it('every model of the table is generated', () => {
    expect(Object.keys(models).sort()).toEqual([
      'HWMBulkCopyRequestV1',
      'HWMBulkDeleteRequestV1',
      'HWMCreateRequestV1',
      'HWMUpdateRequestV1',
      'HwmPath',
      'LoginForm',
      'NamespaceCreateRequestV1',
      'NamespacePath',
      'NamespaceUpdateRequestV1',
      'PaginateHwmHistoryQuery',
      'PaginateHwmQuery',
      'PaginateNamespaceHistoryQuery',
      'PaginateNamespacesQuery',
      'PermissionUpdateRequestItemV1',
      'PermissionsUpdateRequestV1',
    ])
  })
})
