import type { HWMResponseV1, JsonValue } from '@horizon-ts/core'
import { useUpdateHwm } from '@horizon-ts/react'
import { useEffect, useId, useRef, useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { HwmFields } from '../../components/HwmFields'
import type { JsonEditorHandle } from '../../components/json-editor-handle'
import { useAnnounce } from '../../lib/announcer'
import { draftOf, draftProblem, type HwmDraft, updateRequest } from '../../lib/hwm-draft'
import { formatJson, sameJson } from '../../lib/json'
import { SaveReason } from './SaveReason'
import { StaleNotice } from './StaleNotice'

/** A value picked in the timeline ("Use this value"), with a counter so picking the same one twice still applies. */
export interface Restore {
  value: JsonValue
  n: number
}

/**
 * Edits the HWM. The form starts from the HWM as it was when opened; our own save (or "Load the
 * server's value") opens it again on what the server now holds. A change by someone else in the
 * meantime (the HWM query refetches on focus) is said, and saving over it needs a confirmation.
 */
export function HwmEditor({
  hwm,
  restore,
  denied,
}: {
  hwm: HWMResponseV1
  restore: Restore | null
  /** why the user's role may not save (Save is disabled and says so), or `null` */
  denied: string | null
}) {
  const [opened, setOpened] = useState(hwm)
  return (
    <EditForm
      key={opened.changed_at}
      opened={opened}
      current={hwm}
      restore={restore}
      onReopen={setOpened}
      denied={denied}
    />
  )
}

interface FormProps {
  /** the HWM when this form opened */
  opened: HWMResponseV1
  /** the HWM as the query now holds it */
  current: HWMResponseV1
  restore: Restore | null
  onReopen: (hwm: HWMResponseV1) => void
  denied: string | null
}

/**
 * The value must parse as JSON and fit its type before Save is enabled (the reason is beside the
 * button); only changed fields are sent. The update is optimistic: the details show the new value
 * at once and roll back on error.
 */
function EditForm({ opened, current, restore, onReopen, denied }: FormProps) {
  const [draft, setDraft] = useState<HwmDraft>(() => draftOf(opened))
  const [tried, setTried] = useState(false)
  const [unchanged, setUnchanged] = useState(false)
  const [overwrite, setOverwrite] = useState(false)
  const valueRef = useRef<JsonEditorHandle>(null)
  const reasonId = useId()
  const announce = useAnnounce()
  const update = useUpdateHwm({ optimistic: true, onSuccess: (saved) => announce(`Saved “${saved.name}”`) })
  const restored = useRef(restore?.n)
  useEffect(() => {
    // "Use this value" in the timeline: put that value in the editor and bring focus to it.
    if (!restore || restore.n === restored.current) return
    restored.current = restore.n
    setDraft((d) => ({ ...d, value: formatJson(restore.value) }))
    valueRef.current?.focus()
  }, [restore])
  const change = (patch: Partial<HwmDraft>) => {
    setUnchanged(false)
    setDraft((d) => ({ ...d, ...patch }))
  }
  // While our own save is in flight the optimistic copy keeps the old changed_at: not someone else's change.
  const stale =
    !update.isPending && (current.changed_at !== opened.changed_at || !sameJson(current.value, opened.value))
  // The role comes first: no point fixing a draft this user may not save.
  const problem =
    denied ??
    draftProblem(draft) ??
    (stale && !overwrite
      ? 'The HWM changed on the server since this form opened: load its value, or confirm overwriting it.'
      : null)
  return (
    <section className="card stack" aria-labelledby="edit-title">
      <h2 id="edit-title">Edit</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          setTried(true)
          if (problem) return valueRef.current?.focus()
          // Overwriting: what the server holds now is what the draft replaces.
          const request = updateRequest(stale ? current : opened, draft)
          if (!request.ok) return valueRef.current?.focus()
          if (Object.keys(request.data).length === 0) return setUnchanged(true)
          update.mutate([opened.id, request.data], { onSuccess: (saved) => onReopen(saved) })
        }}
      >
        {stale && (
          <StaleNotice
            current={current}
            overwrite={overwrite}
            onOverwrite={setOverwrite}
            onLoad={() => onReopen(current)}
            onKeepEditing={() => valueRef.current?.focus()}
          />
        )}
        <HwmFields draft={draft} onChange={change} showErrors={tried} valueRef={valueRef} />
        {unchanged && (
          <p className="notice notice-info" role="status">
            Nothing to save: every field matches the current HWM.
          </p>
        )}
        {update.error && <ErrorNotice error={update.error} context="Could not save" />}
        <div className="form-actions">
          <SaveReason id={reasonId} reason={problem} />
          <button type="button" className="button-ghost" onClick={() => setDraft(draftOf(opened))}>
            Reset
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={update.isPending || problem !== null}
            aria-describedby={problem ? reasonId : undefined}
          >
            {update.isPending ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </form>
    </section>
  )
}
