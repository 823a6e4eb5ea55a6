const LABELS: Record<string, string> = {
  OWNER: 'Owner',
  MAINTAINER: 'Maintainer',
  DEVELOPER: 'Developer',
  GUEST: 'Guest',
}

/** A role as a coloured label (`roleName` rather than `role`, which would read as an ARIA role). */
export function RoleBadge({ roleName }: { roleName: string }) {
  return <span className={`badge badge-role-${roleName.toLowerCase()}`}>{LABELS[roleName] ?? roleName}</span>
}
