import { limits } from '@horizon-ts/core/constraints'
import { type Ref, useId } from 'react'
import { HWM_TYPES, type HwmDraft } from '../lib/hwm-draft'
import { Field } from './Field'
import { JsonEditor } from './JsonEditor'
import type { JsonEditorHandle } from './json-editor-handle'

interface Props {
  draft: HwmDraft
  onChange: (patch: Partial<HwmDraft>) => void
  /** show the value's parse error prominently (after a submit attempt) */
  showErrors: boolean
  valueRef?: Ref<JsonEditorHandle>
}

/** The editable fields of an HWM, shared by "New HWM" and the HWM screen's editor. */
export function HwmFields({ draft, onChange, showErrors, valueRef }: Props) {
  const typesId = useId()
  return (
    <div className="stack">
      <div className="grid-2">
        <Field
          label="Name"
          hint={`Unique in the namespace, up to ${limits('HWMCreateRequestV1', 'name').maxLength} characters.`}
        >
          <input
            type="text"
            value={draft.name}
            spellCheck={false}
            onChange={(e) => onChange({ name: e.target.value })}
          />
        </Field>
        <Field label="Type" hint="e.g. column_int, file_list; up to 64 characters.">
          <input
            type="text"
            list={typesId}
            value={draft.type}
            spellCheck={false}
            onChange={(e) => onChange({ type: e.target.value })}
          />
        </Field>
        <datalist id={typesId}>
          {HWM_TYPES.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <JsonEditor
        ref={valueRef}
        label="Value (JSON)"
        value={draft.value}
        onChange={(value) => onChange({ value })}
        showError={showErrors}
      />
      <Field label="Description" optional>
        <textarea rows={2} value={draft.description} onChange={(e) => onChange({ description: e.target.value })} />
      </Field>
      <div className="grid-2">
        <Field label="Entity" optional hint="The table, topic or folder the HWM tracks.">
          <input
            type="text"
            value={draft.entity}
            spellCheck={false}
            onChange={(e) => onChange({ entity: e.target.value })}
          />
        </Field>
        <Field label="Expression" optional hint="The column or expression compared.">
          <input
            type="text"
            value={draft.expression}
            spellCheck={false}
            onChange={(e) => onChange({ expression: e.target.value })}
          />
        </Field>
      </div>
    </div>
  )
}
