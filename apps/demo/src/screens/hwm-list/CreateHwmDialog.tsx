import { useCreateHwm } from '@horizon-ts/react'
import { useId, useRef, useState } from 'react'
import { useLocation } from 'wouter'
import { Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { HwmFields } from '../../components/HwmFields'
import type { JsonEditorHandle } from '../../components/json-editor-handle'
import { useAnnounce } from '../../lib/announcer'
import { concernsField } from '../../lib/field-errors'
import { createRequest, draftProblem, emptyDraft, type HwmDraft } from '../../lib/hwm-draft'
import { paths } from '../../lib/routes'
import { SaveReason } from '../hwm/SaveReason'

interface Props {
  open: boolean
  onClose: () => void
  namespaceId: number
}

/** A new HWM in this namespace; opens it once created. */
export function CreateHwmDialog({ open, onClose, namespaceId }: Props) {
  return (
    <Dialog open={open} title="New HWM" onClose={onClose} wide>
      <CreateHwmForm namespaceId={namespaceId} onClose={onClose} />
    </Dialog>
  )
}

function CreateHwmForm({ namespaceId, onClose }: { namespaceId: number; onClose: () => void }) {
  const [draft, setDraft] = useState<HwmDraft>(emptyDraft)
  const [tried, setTried] = useState(false)
  const valueRef = useRef<JsonEditorHandle>(null)
  const reasonId = useId()
  const [, navigate] = useLocation()
  const announce = useAnnounce()
  const create = useCreateHwm({
    onSuccess: (hwm) => {
      announce(`HWM “${hwm.name}” created`)
      onClose()
      navigate(paths.hwm(hwm.id))
    },
  })
  const problem = draftProblem(draft)
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault()
        setTried(true)
        const request = createRequest(namespaceId, draft)
        if (request.ok) create.mutate(request.data)
        else valueRef.current?.focus()
      }}
    >
      <HwmFields
        draft={draft}
        onChange={(p) => {
          // An answer about a field ("already exists") stays only until that field is changed.
          if (Object.keys(p).some((field) => concernsField(create.error, field))) create.reset()
          setDraft((d) => ({ ...d, ...p }))
        }}
        showErrors={tried}
        valueRef={valueRef}
      />
      {create.error && <ErrorNotice error={create.error} context="Could not create the HWM" />}
      <div className="form-actions">
        <SaveReason id={reasonId} reason={problem} />
        <button type="button" className="button-ghost" onClick={onClose}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending || problem !== null}
          aria-describedby={problem ? reasonId : undefined}
        >
          {create.isPending ? 'Creating…' : 'Create HWM'}
        </button>
      </div>
    </form>
  )
}
