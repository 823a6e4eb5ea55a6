/** Namespaces and HWMs by name, or by id when the argument is all digits. */
import type { HorizonClient, HWMResponseV1, NamespaceResponseV1 } from '@horizon-ts/core'
import { NotFoundError } from './errors.js'

const isId = (arg: string) => /^\d+$/.test(arg)

/** The namespace an argument names. */
export async function findNamespace(client: HorizonClient, arg: string): Promise<NamespaceResponseV1> {
  if (isId(arg)) return client.getNamespace(Number(arg))
  const page = await client.paginateNamespaces({ name: arg })
  const found = page.items.find((n) => n.name === arg)
  if (!found) throw new NotFoundError(`Namespace "${arg}" not found`)
  return found
}

/** The HWM an argument names in a namespace. */
export async function findHwm(
  client: HorizonClient,
  namespace: NamespaceResponseV1,
  arg: string,
): Promise<HWMResponseV1> {
  if (isId(arg)) {
    const hwm = await client.getHwm(Number(arg))
    if (hwm.namespace_id !== namespace.id) throw new NotFoundError(`HWM ${arg} is not in namespace "${namespace.name}"`)
    return hwm
  }
  const found = await findHwmByName(client, namespace.id, arg)
  if (!found) throw new NotFoundError(`HWM "${arg}" not found in namespace "${namespace.name}"`)
  return found
}

/** The HWM of that exact name, or undefined. */
export async function findHwmByName(
  client: HorizonClient,
  namespaceId: number,
  name: string,
): Promise<HWMResponseV1 | undefined> {
  const page = await client.paginateHwm({ namespace_id: namespaceId, name })
  return page.items.find((h) => h.name === name)
}
