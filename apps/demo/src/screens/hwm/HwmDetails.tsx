import type { HWMResponseV1 } from '@horizon-ts/core'
import { CopyButton } from '../../components/CopyButton'
import { JsonValue } from '../../components/JsonValue'
import { Time } from '../../components/Time'
import { absoluteTime } from '../../lib/format'
import { describeJson, formatJson } from '../../lib/json'

/** Every field of the HWM, read-only; the value pretty-printed with a copy button. */
export function HwmDetails({ hwm }: { hwm: HWMResponseV1 }) {
  const value = formatJson(hwm.value)
  return (
    <section className="card stack" aria-labelledby="details-title">
      <h2 id="details-title">Current value</h2>
      <div className="value-box">
        <JsonValue value={hwm.value} />
        <CopyButton text={value} label="Copy value" />
      </div>
      <p className="muted">{describeJson(hwm.value).replace(/^./, (c) => c.toUpperCase())}</p>
      <dl className="kv">
        <dt>Type</dt>
        <dd>{hwm.type}</dd>
        <dt>Description</dt>
        <dd>{hwm.description || '—'}</dd>
        <dt>Entity</dt>
        <dd className="break">{hwm.entity ?? '—'}</dd>
        <dt>Expression</dt>
        <dd className="break">{hwm.expression ?? '—'}</dd>
        <dt>Last change</dt>
        <dd>
          <Time iso={hwm.changed_at} /> <span className="muted">({absoluteTime(hwm.changed_at)})</span>
          {hwm.changed_by && <> by {hwm.changed_by}</>}
        </dd>
        <dt>Namespace id</dt>
        <dd>{hwm.namespace_id}</dd>
      </dl>
    </section>
  )
}
