/** Every command, in the order the help lists them. */
import type { Command } from '../command.js'
import { hwmCopy, hwmDelete, hwmGet, hwmHistory, hwmList, hwmSet } from './hwm.js'
import { nsCreate, nsDelete, nsGet, nsHistory, nsList, nsUpdate } from './ns.js'
import { permsGet, permsSet } from './perms.js'
import { ping } from './ping.js'
import { exportCommand, importCommand } from './transfer.js'
import { whoami } from './whoami.js'

export const COMMANDS: readonly Command[] = [
  ping,
  whoami,
  nsList,
  nsGet,
  nsCreate,
  nsUpdate,
  nsDelete,
  nsHistory,
  hwmList,
  hwmGet,
  hwmSet,
  hwmDelete,
  hwmHistory,
  hwmCopy,
  permsGet,
  permsSet,
  exportCommand,
  importCommand,
]

/** The command groups: their commands are two words (`hwm set`). */
export const GROUPS = ['ns', 'hwm', 'perms']
