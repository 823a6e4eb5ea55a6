/**
 * Why a form's submit button is disabled, beside it (the button points here with aria-describedby).
 * Always rendered, so the button's description is never a dangling id; empty when nothing blocks.
 */
export function SaveReason({ id, reason }: { id: string; reason: string | null }) {
  return (
    <p id={id} className="field-error save-reason" hidden={!reason}>
      {reason}
    </p>
  )
}
