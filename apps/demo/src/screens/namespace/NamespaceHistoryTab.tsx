import type { NamespaceHistoryResponseV1 } from '@horizon-ts/core'
import { horizonKeys } from '@horizon-ts/core/query'
import { useHorizonClient, useNamespaceHistory, useNamespaceHistoryInfinite } from '@horizon-ts/react'
import { useState } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { LoadMore } from '../../components/LoadMore'
import { Pager } from '../../components/Pager'
import { Timeline, TimelineItem } from '../../components/Timeline'
import { LIST_VIEWS, ViewToggle } from '../../components/ViewToggle'
import { plural } from '../../lib/format'
import { keepPreviousPageOf } from '../../lib/keep-previous-page'
import { usePref } from '../../lib/use-pref'

/** The namespace's changes (created, renamed, described, deleted), newest first. */
export function NamespaceHistoryTab({ namespaceId }: { namespaceId: number }) {
  const [view, setView] = usePref('namespace-history-view', LIST_VIEWS, 'scroll')
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

function Rows({ rows }: { rows: NamespaceHistoryResponseV1[] }) {
  if (rows.length === 0) return <EmptyState title="No history yet" />
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
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const keys = horizonKeys(useHorizonClient())
  const history = useNamespaceHistory(
    { namespace_id: namespaceId, page, page_size: pageSize },
    { placeholderData: keepPreviousPageOf(keys.namespaceHistoryOf(namespaceId)) },
  )
  if (history.isPending) return <Loading label="Loading history…" />
  if (history.isError) return <ErrorNotice error={history.error} onRetry={() => history.refetch()} />
  return (
    <>
      <Rows rows={history.data.items} />
      <Pager
        meta={history.data.meta}
        noun="change"
        onPage={setPage}
        pageSize={pageSize}
        onPageSize={(s) => {
          setPageSize(s)
          setPage(1)
        }}
      />
    </>
  )
}

function HistoryScroll({ namespaceId }: { namespaceId: number }) {
  const history = useNamespaceHistoryInfinite({ namespace_id: namespaceId, page_size: 20 })
  if (history.isPending) return <Loading label="Loading history…" />
  if (history.isError && !history.data) return <ErrorNotice error={history.error} onRetry={() => history.refetch()} />
  const rows = history.data.pages.flatMap((p) => p.items)
  const total = history.data.pages.at(-1)?.meta.total_count ?? rows.length
  return (
    <>
      <Rows rows={rows} />
      {rows.length > 0 && (
        <LoadMore
          hasMore={history.hasNextPage}
          loading={history.isFetchingNextPage}
          onMore={() => history.fetchNextPage()}
          status={`Showing ${rows.length} of ${plural(total, 'change')}`}
          label="Load older changes"
        />
      )}
    </>
  )
}
