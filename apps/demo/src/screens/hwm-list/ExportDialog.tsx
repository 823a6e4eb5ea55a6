import type { HWMResponseV1, NamespaceResponseV1 } from '@horizon-ts/core'
import { useHorizonClient } from '@horizon-ts/react'
import { useEffect } from 'react'
import { Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { downloadText } from '../../lib/download'
import { exportFileName, exportText } from '../../lib/hwm-export'
import { scanHwms } from '../../lib/scan-pages'
import { useScan } from '../../lib/use-scan'

interface Props {
  open: boolean
  onClose: () => void
  namespace: NamespaceResponseV1
}

/** Every HWM of the namespace to a JSON file: all pages read (progress, Cancel), then downloaded. */
export function ExportDialog({ open, onClose, namespace }: Props) {
  return (
    <Dialog open={open} title={`Export the HWMs of “${namespace.name}”`} onClose={onClose}>
      <ExportRun namespace={namespace} onClose={onClose} />
    </Dialog>
  )
}

function ExportRun({ namespace, onClose }: { namespace: NamespaceResponseV1; onClose: () => void }) {
  const client = useHorizonClient()
  const { state, start, cancel } = useScan<HWMResponseV1>()
  const run = () =>
    start((signal) => scanHwms(client, namespace.id, signal)).then((rows) => {
      if (!rows) return
      const at = new Date()
      downloadText(exportText(namespace.name, rows, at), exportFileName(namespace.name, at))
    })
  // The dialog opens to do the one thing it is for; it mounts afresh each time it opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per opening
  useEffect(() => {
    void run()
  }, [])
  const total = state.total === null ? '…' : state.total.toLocaleString('en-US')
  return (
    <div className="stack">
      <p role="status">
        {state.status === 'running' && `Reading HWMs: ${state.scanned.toLocaleString('en-US')} of ${total}`}
        {state.status === 'done' &&
          `Exported ${state.rows.length.toLocaleString('en-US')} HWMs: the file is downloading.`}
        {state.status === 'cancelled' && 'Export cancelled: no file was written.'}
        {state.status === 'failed' && 'Export failed: no file was written.'}
      </p>
      {state.status === 'failed' && <ErrorNotice error={state.error} context="Could not read the HWMs" />}
      <div className="form-actions">
        {state.status === 'running' ? (
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <>
            {state.status !== 'done' && (
              <button type="button" className="button" onClick={() => void run()}>
                Export again
              </button>
            )}
            <button type="button" className="button button-primary" onClick={onClose}>
              Close
            </button>
          </>
        )}
      </div>
    </div>
  )
}
