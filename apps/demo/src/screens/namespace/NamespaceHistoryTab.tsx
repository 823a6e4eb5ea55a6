import type { NamespaceHistoryResponseV1 } from '@horizon-ts/core'
import { useNamespaceHistory, useNamespaceHistoryInfinite } from '@horizon-ts/react'
import { EmptyState } from '../../components/EmptyState'
import { PageList, ScrollList } from '../../components/PagedList'
import { Timeline, TimelineItem } from '../../components/Timeline'
import { LIST_VIEWS, ViewToggle } from '../../components/ViewToggle'
import { keepPreviousPageOf } from '../../lib/keep-previous-page'
import { usePaging } from '../../lib/list-params'
import { DEFAULT_VIEWS, namespaceHistoryScrollRead } from '../../lib/screen-reads'
import { useHorizonKeys } from '../../lib/use-horizon-keys'
import { usePref } from '../../lib/use-pref'

/** The namespace's changes (created, renamed, described, deleted), newest first. */
export function NamespaceHistoryTab({ namespaceId }: { namespaceId: number }) {
  const [view, setView] = usePref('namespace-history-view', LIST_VIEWS, DEFAULT_VIEWS.namespaceHistory)
  return (
    <section className="stack" aria-labelledby="ns-history-title">
      <div className="section-header">
        <h2 id="ns-history-title">History</h2>
        <ViewToggle value={view} onChange={setView} />
      </div>
      {view === 'pages' ? <HistoryPages namespaceId={namespaceId} /> : <HistoryScroll namespaceId={namespaceId} />}
    </section>
  )
}

const list = {
  noun: 'change',
  loading: 'Loading history…',
  empty: <EmptyState title="No history yet" />,
  className: 'stack',
}

function Rows({ rows }: { rows: NamespaceHistoryResponseV1[] }) {
  return (
    <Timeline label="Namespace history">
      {rows.map((row) => (
        <TimelineItem key={row.id} action={row.action} at={row.changed_at} by={row.changed_by}>
          <dl className="kv">
            <dt>Name</dt>
            <dd>{row.name}</dd>
            <dt>Description</dt>
            <dd>{row.description || '—'}</dd>
            {row.owned_by && (
              <>
                <dt>Owner</dt>
                <dd>{row.owned_by}</dd>
              </>
            )}
          </dl>
        </TimelineItem>
      ))}
    </Timeline>
  )
}

function HistoryPages({ namespaceId }: { namespaceId: number }) {
  const paging = usePaging(20)
  const keys = useHorizonKeys()
  const history = useNamespaceHistory(
    { namespace_id: namespaceId, page: paging.page, page_size: paging.pageSize },
    { placeholderData: keepPreviousPageOf(keys.namespaceHistoryOf(namespaceId)) },
  )
  return (
    <PageList query={history} paging={paging} {...list}>
      {(rows) => <Rows rows={rows} />}
    </PageList>
  )
}

function HistoryScroll({ namespaceId }: { namespaceId: number }) {
  const history = useNamespaceHistoryInfinite(namespaceHistoryScrollRead(namespaceId))
  return (
    <ScrollList query={history} {...list} more="Load older changes">
      {(rows) => <Rows rows={rows} />}
    </ScrollList>
  )
}
