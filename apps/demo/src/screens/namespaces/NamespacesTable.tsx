import type { NamespaceResponseV1 } from '@horizon-ts/core'
import { Link } from 'wouter'
import { Time } from '../../components/Time'
import { paths } from '../../lib/routes'

export function NamespacesTable({ namespaces }: { namespaces: NamespaceResponseV1[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Namespaces</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="hide-narrow">
              Description
            </th>
            <th scope="col">Owner</th>
            <th scope="col" className="hide-narrow">
              Last change
            </th>
          </tr>
        </thead>
        <tbody>
          {namespaces.map((ns) => (
            <tr key={ns.id}>
              <th scope="row">
                <Link href={paths.namespace(ns.id)} className="strong-link">
                  {ns.name}
                </Link>
              </th>
              <td className="hide-narrow muted clamp">{ns.description || '—'}</td>
              <td>{ns.owned_by}</td>
              <td className="hide-narrow nowrap">
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
