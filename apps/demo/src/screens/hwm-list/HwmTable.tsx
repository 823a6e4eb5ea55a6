import type { HWMResponseV1 } from '@horizon-ts/core'
import { useEffect, useRef } from 'react'
import { Link } from 'wouter'
import { Time } from '../../components/Time'
import { previewJson } from '../../lib/json'
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
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Value</th>
            <th scope="col" className="hide-narrow">
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
                <Link href={paths.hwm(hwm.id)} className="strong-link">
                  {hwm.name}
                </Link>
              </th>
              <td>
                <span className="badge badge-type">{hwm.type}</span>
              </td>
              <td className="cell-value">
                <code>{previewJson(hwm.value)}</code>
              </td>
              <td className="hide-narrow nowrap">
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
