import type { HWMResponseV1, JsonValue } from '@horizon-ts/core'
import { useUpdateHwm } from '@horizon-ts/react'
import { useEffect, useRef, useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { HwmFields } from '../../components/HwmFields'
import { useAnnounce } from '../../lib/announcer'
import { draftOf, type HwmDraft, updateRequest } from '../../lib/hwm-draft'
import { formatJson } from '../../lib/json'

/**
 * Edits the HWM. The value must parse as JSON before anything is sent; only changed fields are
 * sent. The update is optimistic: the details show the new value at once and roll back on error.
 * The screen remounts this form when the saved HWM comes back (new `changed_at`), so it starts
 * from what the server now holds.
 */
/** A value picked in the timeline ("Use this value"), with a counter so picking the same one twice still applies. */
export interface Restore {
  value: JsonValue
  n: number
}

export function HwmEditor({ hwm, restore }: { hwm: HWMResponseV1; restore: Restore | null }) {
  const [draft, setDraft] = useState<HwmDraft>(() => draftOf(hwm))
  const [tried, setTried] = useState(false)
  const [unchanged, setUnchanged] = useState(false)
  const valueRef = useRef<HTMLTextAreaElement>(null)
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
  return (
    <section className="card stack" aria-labelledby="edit-title">
      <h2 id="edit-title">Edit</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          setTried(true)
          const request = updateRequest(hwm, draft)
          if (!request.ok) return valueRef.current?.focus()
          if (Object.keys(request.data).length === 0) return setUnchanged(true)
          update.mutate([hwm.id, request.data])
        }}
      >
        <HwmFields draft={draft} onChange={change} showErrors={tried} valueRef={valueRef} />
        {unchanged && (
          <p className="notice notice-info" role="status">
            Nothing to save: every field matches the current HWM.
          </p>
        )}
        {update.error && <ErrorNotice error={update.error} context="Could not save" />}
        <div className="form-actions">
          <button type="button" className="button-ghost" onClick={() => setDraft(draftOf(hwm))}>
            Reset
          </button>
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </form>
    </section>
  )
}
