import { EntityNotFoundError, type HWMResponseV1 } from '@horizon-ts/core'
import { useNamespace, useSuspenseHwm } from '@horizon-ts/react'
import { useState } from 'react'
import { Link } from 'wouter'
import { DisplayName } from '../components/DisplayName'
import { EmptyState } from '../components/EmptyState'
import { PageTitle } from '../components/PageTitle'
import { QueryBoundary } from '../components/QueryBoundary'
import { idParam, paths } from '../lib/routes'
import { useDocumentTitle } from '../lib/use-document-title'
import { useNamespaceRole } from '../lib/use-namespace-role'
import { DeleteHwm } from './hwm/DeleteHwm'
import { HwmDetails } from './hwm/HwmDetails'
import { HwmEditor, type Restore } from './hwm/HwmEditor'
import { HwmHistory } from './hwm/HwmHistory'
import { NotFoundScreen } from './NotFoundScreen'

/**
 * One HWM: every field, the editor, and its history beside it. Saving shows the new "Updated" row
 * in the timeline at once: the update hook refreshes exactly this HWM's history.
 */
export function HwmScreen({ id: rawId }: { id: string }) {
  const id = idParam(rawId)
  if (!id) return <NotFoundScreen />
  return (
    <QueryBoundary loading="Loading the HWM…" resetKey={id} renderError={notFound}>
      <Hwm id={id} />
    </QueryBoundary>
  )
}

function notFound(error: unknown) {
  if (!(error instanceof EntityNotFoundError)) return undefined
  return (
    <EmptyState title="HWM not found">
      It may have been deleted; its history is still kept by Horizon.{' '}
      <Link href={paths.namespaces}>Back to the namespaces</Link>
    </EmptyState>
  )
}

function Hwm({ id }: { id: number }) {
  const { data: hwm } = useSuspenseHwm(id)
  const [restore, setRestore] = useState<Restore | null>(null)
  const access = useNamespaceRole(hwm.namespace_id)
  useDocumentTitle(hwm.name)
  return (
    <section className="stack">
      <Breadcrumbs hwm={hwm} />
      <div className="page-header">
        <div className="stack-tight">
          {/* A name of hundreds of characters is set smaller, or it fills the first screen. */}
          <PageTitle>
            <span className={hwm.name.length > 160 ? 'title-long' : undefined}>
              <DisplayName name={hwm.name} />
            </span>
          </PageTitle>
          <p className="meta-line">
            <span className="badge badge-type">{hwm.type}</span>
            <span className="muted"> · id {hwm.id}</span>
          </p>
        </div>
      </div>
      {/* In reading order for a phone (the history right after the editor); CSS places it beside them on wider screens. */}
      <div className="hwm-layout">
        <HwmDetails hwm={hwm} />
        <HwmEditor key={hwm.id} hwm={hwm} restore={restore} denied={access.reason('writeHwm')} />
        <HwmHistory hwm={hwm} onRestore={(value) => setRestore((r) => ({ value, n: (r?.n ?? 0) + 1 }))} />
        <DeleteHwm hwm={hwm} denied={access.reason('deleteHwm')} />
      </div>
    </section>
  )
}

function Breadcrumbs({ hwm }: { hwm: HWMResponseV1 }) {
  // The namespace's name, for the trail; its id stands in until it arrives.
  const ns = useNamespace(hwm.namespace_id)
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        <li>
          <Link href={paths.namespaces}>Namespaces</Link>
        </li>
        <li>
          <Link href={paths.namespace(hwm.namespace_id)}>{ns.data?.name ?? `namespace ${hwm.namespace_id}`}</Link>
        </li>
        <li aria-current="page">{hwm.name}</li>
      </ol>
    </nav>
  )
}
