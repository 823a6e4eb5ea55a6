import type { NamespaceResponseV1 } from '@horizon-ts/core'
import { useHorizonClient, useNamespaces } from '@horizon-ts/react'
import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import { EmptyState } from '../components/EmptyState'
import { PageList } from '../components/PagedList'
import { PageTitle } from '../components/PageTitle'
import { PartSearch } from '../components/PartSearch'
import { SearchForm } from '../components/SearchForm'
import { useListParams } from '../lib/list-params'
import { scanNamespaces } from '../lib/scan-pages'
import { namespacesRead } from '../lib/screen-reads'
import { useDocumentTitle } from '../lib/use-document-title'
import { CreateNamespaceDialog } from './namespaces/CreateNamespaceDialog'
import { NamespacesTable } from './namespaces/NamespacesTable'

/** Every namespace, a page at a time, with a name filter and "New namespace". */
export function NamespacesScreen() {
  useDocumentTitle('Namespaces')
  const list = useListParams()
  const query = namespacesRead(list)
  // The previous page stays on screen while the next one loads: no flash of "Loading" on paging.
  const namespaces = useNamespaces(query, { placeholderData: keepPreviousData })
  const [creating, setCreating] = useState(false)
  const client = useHorizonClient()
  return (
    <section className="stack">
      <div className="page-header">
        <PageTitle>Namespaces</PageTitle>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          New namespace
        </button>
      </div>
      <div className="toolbar">
        <SearchForm label="Name (exact)" value={list.name} onSearch={list.setName} />
      </div>
      <PartSearch<NamespaceResponseV1>
        noun="namespace"
        scan={(signal) => scanNamespaces(client, signal)}
        fallback={
          <PageList
            query={namespaces}
            paging={list}
            noun="namespace"
            loading="Loading namespaces…"
            empty={
              <EmptyState title={list.name ? `No namespace is named “${list.name}”` : 'No namespaces yet'}>
                {list.name ? 'Names are matched exactly, case included.' : 'Create the first one with “New namespace”.'}
              </EmptyState>
            }
          >
            {(items) => <NamespacesTable namespaces={items} />}
          </PageList>
        }
      >
        {(rows) => <NamespacesTable namespaces={rows} />}
      </PartSearch>
      <CreateNamespaceDialog open={creating} onClose={() => setCreating(false)} />
    </section>
  )
}
