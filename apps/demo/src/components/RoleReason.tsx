/**
 * Why a control is disabled for the user's role ("Needs the maintainer role; yours is developer."),
 * as visible text the control points to with aria-describedby. Always rendered, so that id never dangles.
 */
export function RoleReason({ id, reason }: { id: string; reason: string | null }) {
  return (
    <p id={id} className="role-reason muted" hidden={!reason}>
      {reason}
    </p>
  )
}
