import type { HWMResponseV1 } from '@horizon-ts/core'
import { JsonValue } from '../../components/JsonValue'
import { Time } from '../../components/Time'

interface Props {
  /** the HWM as the server now holds it */
  current: HWMResponseV1
  overwrite: boolean
  onOverwrite: (yes: boolean) => void
  onLoad: () => void
  onKeepEditing: () => void
}

/** Someone changed the HWM while this form was open: say who and when, and offer their value or an explicit overwrite. */
export function StaleNotice({ current, overwrite, onOverwrite, onLoad, onKeepEditing }: Props) {
  return (
    <div className="notice notice-warning" role="alert">
      <p className="notice-title">
        Changed on the server by {current.changed_by ?? 'someone'} at <Time iso={current.changed_at} /> since you opened
        this form
      </p>
      <JsonValue value={current.value} />
      <div className="notice-actions">
        <button type="button" className="button" onClick={onLoad}>
          Load the server's value
        </button>
        <button type="button" className="button-ghost" onClick={onKeepEditing}>
          Keep editing
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={overwrite} onChange={(e) => onOverwrite(e.target.checked)} />
          Overwrite their change when I save
        </label>
      </div>
    </div>
  )
}
