import type { NamespaceResponseV1 } from '@horizon-ts/core'
import { useId, useState } from 'react'
import { RoleReason } from '../../components/RoleReason'
import { SearchForm } from '../../components/SearchForm'
import { LIST_VIEWS, ViewToggle } from '../../components/ViewToggle'
import { useListParams } from '../../lib/list-params'
import { DEFAULT_VIEWS } from '../../lib/screen-reads'
import { useNamespaceRole } from '../../lib/use-namespace-role'
import { usePref } from '../../lib/use-pref'
import { useSelection } from '../../lib/use-selection'
import { BulkDeleteDialog } from '../hwm-list/BulkDeleteDialog'
import { CopyHwmDialog } from '../hwm-list/CopyHwmDialog'
import { CreateHwmDialog } from '../hwm-list/CreateHwmDialog'
import { HwmPages } from '../hwm-list/HwmPages'
import { HwmScroll } from '../hwm-list/HwmScroll'
import { SelectionBar } from '../hwm-list/SelectionBar'

type Open = 'create' | 'copy' | 'delete' | null

/**
 * A namespace's HWMs: find, page or scroll, select several, then copy or delete them; or create one.
 * Creating and deleting follow the user's role here; copying only reads this namespace (the target's
 * role is checked in the dialog), so anyone may select.
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
  const listProps = { namespaceId: namespace.id, name: list.name, selection }
  return (
    <section className="stack" aria-labelledby="hwms-title">
      <div className="section-header">
        <h2 id="hwms-title">HWMs</h2>
        <div className="section-actions">
          <RoleReason id={createReasonId} reason={createDenied} />
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
      {view === 'pages' ? <HwmPages {...listProps} list={list} /> : <HwmScroll {...listProps} />}
      <CreateHwmDialog open={open === 'create' && createDenied === null} onClose={close} namespaceId={namespace.id} />
      <CopyHwmDialog open={open === 'copy'} onClose={close} source={namespace} selection={selection} />
      <BulkDeleteDialog open={open === 'delete'} onClose={close} namespaceId={namespace.id} selection={selection} />
    </section>
  )
}
