/** Hooks report outcomes: a 409/404 that `ifNotExists`/`ifExists` turn into success is no error. */
import { describe, expect, it } from 'vitest'
import { EntityNotFoundError, type HorizonClient } from '../src/index.js'
import { uniq, useTarget } from './server.js'

describe('onError sees failures only', () => {
  const t = useTarget()
  const watched = () => {
    const errors: Error[] = []
    const c: HorizonClient = t.client('hooks', { hooks: { onError: (e) => void errors.push(e.error) } })
    return { c, errors }
  }

  it('createNamespace({ ifNotExists }) on an existing name: success, no onError', async () => {
    const { c, errors } = watched()
    const name = uniq('exists')
    const made = await c.createNamespace({ name })
    expect((await c.createNamespace({ name }, { ifNotExists: true })).id).toBe(made.id)
    expect(errors).toEqual([])
    await c.createNamespace({ name }).catch(() => {})
    expect(errors.map((e) => e.name)).toEqual(['EntityAlreadyExistsError'])
  })

  it('deleteHwm / deleteNamespace({ ifExists }) on a missing id: success, no onError', async () => {
    const { c, errors } = watched()
    await c.deleteHwm(987_654, { ifExists: true })
    await c.deleteNamespace(987_654, { ifExists: true })
    expect(errors).toEqual([])
    await expect(c.deleteHwm(987_654)).rejects.toBeInstanceOf(EntityNotFoundError)
    expect(errors.map((e) => e.name)).toEqual(['EntityNotFoundError'])
  })
})
