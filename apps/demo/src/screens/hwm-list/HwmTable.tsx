import type { HWMResponseV1 } from '@horizon-ts/core'
import { useEffect, useRef } from 'react'
import { Link } from 'wouter'
import { DisplayName } from '../../components/DisplayName'
import { Time } from '../../components/Time'
import { ValuePeek } from '../../components/ValuePeek'
import { paths } from '../../lib/routes'
import type { Selection } from '../../lib/use-selection'

/** HWM rows with a checkbox each; the header checkbox selects every row shown. */
export function HwmTable({ hwms, selection }: { hwms: HWMResponseV1[]; selection: Selection }) {
  const all = hwms.length > 0 && hwms.every((h) => selection.has(h.id))
  const some = !all && hwms.some((h) => selection.has(h.id))
  const header = useRef<HTMLInputElement>(null)
  useEffect(() => {
    // "indeterminate" exists only as a DOM property
    if (header.current) header.current.indeterminate = some
  }, [some])
  return (
    <div className="table-wrap">
      <table className="table table-selectable">
        <caption className="visually-hidden">HWMs</caption>
        <thead>
          <tr>
            <th scope="col" className="cell-check">
              <input
                ref={header}
                type="checkbox"
                aria-label="Select all HWMs shown"
                checked={all}
                onChange={() => selection.setAll(hwms, !all)}
              />
            </th>
            <th scope="col" className="col-name">
              Name
            </th>
            <th scope="col" className="hide-narrow">
              Type
            </th>
            <th scope="col" className="col-value">
              Value
            </th>
            <th scope="col" className="hide-narrow col-change">
              Last change
            </th>
          </tr>
        </thead>
        <tbody>
          {hwms.map((hwm) => (
            <tr key={hwm.id} className={selection.has(hwm.id) ? 'row-selected' : undefined}>
              <td className="cell-check">
                <input
                  type="checkbox"
                  aria-label={`Select ${hwm.name}`}
                  checked={selection.has(hwm.id)}
                  onChange={() => selection.toggle(hwm.id, hwm.name)}
                />
              </td>
              <th scope="row" className="cell-name">
                <Link href={paths.hwm(hwm.id)} className="strong-link" title={hwm.name.trim() ? hwm.name : undefined}>
                  <DisplayName name={hwm.name} />
                </Link>
                {/* At phone width the dropped columns come back as a second line under the name. */}
                <div className="show-narrow row-extra">
                  <span className="badge badge-type">{hwm.type}</span>
                  <span>
                    <Time iso={hwm.changed_at} />
                    {hwm.changed_by && <> by {hwm.changed_by}</>}
                  </span>
                </div>
              </th>
              <td className="hide-narrow cell-type">
                <span className="badge badge-type">{hwm.type}</span>
              </td>
              <td className="cell-value">
                <ValuePeek value={hwm.value} />
              </td>
              <td className="hide-narrow cell-change">
                <Time iso={hwm.changed_at} />
                {hwm.changed_by && <span className="muted"> by {hwm.changed_by}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
