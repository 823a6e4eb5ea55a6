import type { HWMResponseV1, NamespaceResponseV1 } from '@horizon-ts/core'
import { useHorizonClient } from '@horizon-ts/react'
import { useId, useState } from 'react'
import { PartSearch } from '../../components/PartSearch'
import { RoleReason } from '../../components/RoleReason'
import { SearchForm } from '../../components/SearchForm'
import { LIST_VIEWS, ViewToggle } from '../../components/ViewToggle'
import { useListParams } from '../../lib/list-params'
import { scanHwms } from '../../lib/scan-pages'
import { DEFAULT_VIEWS } from '../../lib/screen-reads'
import { useNamespaceRole } from '../../lib/use-namespace-role'
import { usePref } from '../../lib/use-pref'
import { useSelection } from '../../lib/use-selection'
import { BulkDeleteDialog } from '../hwm-list/BulkDeleteDialog'
import { CopyHwmDialog } from '../hwm-list/CopyHwmDialog'
import { CreateHwmDialog } from '../hwm-list/CreateHwmDialog'
import { ExportDialog } from '../hwm-list/ExportDialog'
import { HwmPages } from '../hwm-list/HwmPages'
import { HwmScroll } from '../hwm-list/HwmScroll'
import { HwmTable } from '../hwm-list/HwmTable'
import { ImportDialog } from '../hwm-list/ImportDialog'
import { SelectionBar } from '../hwm-list/SelectionBar'

type Open = 'create' | 'copy' | 'delete' | 'export' | 'import' | null

/**
 * A namespace's HWMs: find by exact name (one request) or by part of a name (a scan of every page),
 * page or scroll, select several, then copy or delete them; create one; export or import them all.
 * Creating, importing and deleting follow the user's role here; copying and exporting only read this
 * namespace (the copy target's role is checked in the dialog), so anyone may select and export.
 */
export function NamespaceHwmsTab({ namespace }: { namespace: NamespaceResponseV1 }) {
  const access = useNamespaceRole(namespace.id)
  const createDenied = access.reason('writeHwm')
  const createReasonId = useId()
  const list = useListParams()
  const [view, setView] = usePref('hwm-view', LIST_VIEWS, DEFAULT_VIEWS.hwms)
  const selection = useSelection()
  const [open, setOpen] = useState<Open>(null)
  const close = () => setOpen(null)
  const client = useHorizonClient()
  const listProps = { namespaceId: namespace.id, name: list.name, selection }
  return (
    <section className="stack" aria-labelledby="hwms-title">
      <div className="section-header">
        <h2 id="hwms-title">HWMs</h2>
        <div className="section-actions">
          <RoleReason id={createReasonId} reason={createDenied} />
          <button type="button" className="button" onClick={() => setOpen('export')}>
            Export
          </button>
          <button
            type="button"
            className="button"
            disabled={createDenied !== null}
            aria-describedby={createDenied ? createReasonId : undefined}
            onClick={() => setOpen('import')}
          >
            Import
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={createDenied !== null}
            aria-describedby={createDenied ? createReasonId : undefined}
            onClick={() => setOpen('create')}
          >
            New HWM
          </button>
        </div>
      </div>
      <div className="toolbar">
        <SearchForm label="Name (exact)" value={list.name} onSearch={list.setName} />
        <ViewToggle value={view} onChange={setView} />
      </div>
      <SelectionBar
        selection={selection}
        onCopy={() => setOpen('copy')}
        onDelete={() => setOpen('delete')}
        deleteDenied={access.reason('deleteHwm')}
      />
      <PartSearch<HWMResponseV1>
        noun="HWM"
        withType
        scan={(signal) => scanHwms(client, namespace.id, signal)}
        fallback={view === 'pages' ? <HwmPages {...listProps} list={list} /> : <HwmScroll {...listProps} />}
      >
        {(rows) => <HwmTable hwms={rows} selection={selection} />}
      </PartSearch>
      <CreateHwmDialog open={open === 'create' && createDenied === null} onClose={close} namespaceId={namespace.id} />
      <CopyHwmDialog open={open === 'copy'} onClose={close} source={namespace} selection={selection} />
      <ExportDialog open={open === 'export'} onClose={close} namespace={namespace} />
      <ImportDialog open={open === 'import' && createDenied === null} onClose={close} namespace={namespace} />
      <BulkDeleteDialog open={open === 'delete'} onClose={close} namespaceId={namespace.id} selection={selection} />
    </section>
  )
}
