import type { NamespaceResponseV1 } from '@horizon-ts/core'
import { Link } from 'wouter'
import { DisplayName } from '../../components/DisplayName'
import { Time } from '../../components/Time'
import { paths } from '../../lib/routes'

export function NamespacesTable({ namespaces }: { namespaces: NamespaceResponseV1[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Namespaces</caption>
        <thead>
          <tr>
            <th scope="col" className="col-name">
              Name
            </th>
            <th scope="col" className="hide-narrow col-text">
              Description
            </th>
            <th scope="col" className="col-user">
              Owner
            </th>
            <th scope="col" className="hide-narrow col-change">
              Last change
            </th>
          </tr>
        </thead>
        <tbody>
          {namespaces.map((ns) => (
            <tr key={ns.id}>
              <th scope="row" className="cell-name">
                <Link
                  href={paths.namespace(ns.id)}
                  className="strong-link"
                  title={ns.name.trim() ? ns.name : undefined}
                >
                  <DisplayName name={ns.name} />
                </Link>
                {/* At phone width the dropped columns come back as a second line under the name. */}
                <div className="show-narrow row-extra">
                  {ns.description && <span className="line-clamp">{ns.description}</span>}
                  <span>
                    <Time iso={ns.changed_at} />
                    {ns.changed_by && <> by {ns.changed_by}</>}
                  </span>
                </div>
              </th>
              <td className="hide-narrow muted cell-text">
                <span className="line-clamp">{ns.description || '—'}</span>
              </td>
              <td className="cell-user">{ns.owned_by}</td>
              <td className="hide-narrow cell-change">
                <Time iso={ns.changed_at} />
                {ns.changed_by && <span className="muted"> by {ns.changed_by}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
