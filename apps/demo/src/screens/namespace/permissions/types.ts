import type { useUpdateNamespacePermissions } from '@horizon-ts/react'

/** The permissions mutation, shared by the table and the add form so one error line serves both. */
export type PermissionsUpdate = ReturnType<typeof useUpdateNamespacePermissions>

/** Roles that can be granted directly; OWNER moves through a transfer. */
export const GRANTABLE = ['DEVELOPER', 'MAINTAINER'] as const
export type GrantableRole = (typeof GRANTABLE)[number]
