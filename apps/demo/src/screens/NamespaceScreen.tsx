import { EntityNotFoundError } from '@horizon-ts/core'
import { useSuspenseNamespace } from '@horizon-ts/react'
import { Link } from 'wouter'
import { DisplayName } from '../components/DisplayName'
import { EmptyState } from '../components/EmptyState'
import { PageTitle } from '../components/PageTitle'
import { QueryBoundary } from '../components/QueryBoundary'
import { idParam, paths } from '../lib/routes'
import { useDocumentTitle } from '../lib/use-document-title'
import { NotFoundScreen } from './NotFoundScreen'
import { NamespaceHistoryTab } from './namespace/NamespaceHistoryTab'
import { NamespaceHwmsTab } from './namespace/NamespaceHwmsTab'
import { NamespacePermissionsTab } from './namespace/NamespacePermissionsTab'
import { NamespaceSettingsTab } from './namespace/NamespaceSettingsTab'
import { type NamespaceTab, NamespaceTabs, TABS } from './namespace/NamespaceTabs'

/** One namespace: its header, then HWMs, history, permissions or settings by route. */
export function NamespaceScreen({ id: rawId, tab: rawTab }: { id: string; tab?: string }) {
  const id = idParam(rawId)
  const tab = (rawTab ?? 'hwms') as NamespaceTab
  if (!id || !TABS.includes(tab)) return <NotFoundScreen />
  return (
    <QueryBoundary loading="Loading the namespace…" resetKey={id} renderError={(error) => notFound(error)}>
      <Namespace id={id} tab={tab} />
    </QueryBoundary>
  )
}

function notFound(error: unknown) {
  if (!(error instanceof EntityNotFoundError)) return undefined
  return (
    <EmptyState title="Namespace not found">
      It may have been deleted. <Link href={paths.namespaces}>Back to the namespaces</Link>
    </EmptyState>
  )
}

function Namespace({ id, tab }: { id: number; tab: NamespaceTab }) {
  const { data: ns } = useSuspenseNamespace(id)
  useDocumentTitle(ns.name)
  return (
    <section className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link href={paths.namespaces}>Namespaces</Link>
          </li>
          <li aria-current="page">
            <DisplayName name={ns.name} />
          </li>
        </ol>
      </nav>
      <div className="page-header">
        <div className="stack-tight">
          <PageTitle>
            <span className={ns.name.length > 160 ? 'title-long' : undefined}>
              <DisplayName name={ns.name} />
            </span>
          </PageTitle>
          {ns.description && <p className="muted">{ns.description}</p>}
          <p className="meta-line">
            Owner <strong>{ns.owned_by}</strong>
            <span className="muted"> · id {ns.id}</span>
          </p>
        </div>
      </div>
      <NamespaceTabs id={id} current={tab} />
      <div className="tab-panel">
        {tab === 'hwms' && <NamespaceHwmsTab namespace={ns} />}
        {tab === 'history' && <NamespaceHistoryTab namespaceId={id} />}
        {tab === 'permissions' && <NamespacePermissionsTab namespace={ns} />}
        {tab === 'settings' && <NamespaceSettingsTab namespace={ns} />}
      </div>
    </section>
  )
}
