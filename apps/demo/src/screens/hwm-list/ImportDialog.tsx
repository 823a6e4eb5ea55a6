import type { HWMResponseV1, NamespaceResponseV1 } from '@horizon-ts/core'
import { useHorizonClient } from '@horizon-ts/react'
import { useQueryClient } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { describeError } from '../../lib/errors'
import {
  type ImportResult,
  importSteps,
  type ParsedImport,
  parseImport,
  planImport,
  runImport,
} from '../../lib/hwm-import'
import { scanHwms } from '../../lib/scan-pages'
import { useHorizonKeys } from '../../lib/use-horizon-keys'
import { useScan } from '../../lib/use-scan'
import { ImportPreview } from './ImportPreview'
import { ImportResults } from './ImportResults'

interface Props {
  open: boolean
  onClose: () => void
  namespace: NamespaceResponseV1
}

/** An export file into this namespace: checked, previewed against the HWMs it has, then written one by one. */
export function ImportDialog({ open, onClose, namespace }: Props) {
  return (
    <Dialog open={open} title={`Import HWMs into “${namespace.name}”`} onClose={onClose} wide>
      <ImportFlow namespace={namespace} onClose={onClose} />
    </Dialog>
  )
}

type Run = { status: 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled'; results: ImportResult[]; total: number }

function ImportFlow({ namespace, onClose }: { namespace: NamespaceResponseV1; onClose: () => void }) {
  const client = useHorizonClient()
  const queryClient = useQueryClient()
  const keys = useHorizonKeys()
  const fileId = useId()
  const [parsed, setParsed] = useState<ParsedImport | null>(null)
  const existing = useScan<HWMResponseV1>()
  const [onClash, setOnClash] = useState<'skip' | 'overwrite'>('skip')
  const [run, setRun] = useState<Run>({ status: 'idle', results: [], total: 0 })
  const stop = useRef(false)

  const choose = async (file: File | undefined) => {
    setRun({ status: 'idle', results: [], total: 0 })
    if (!file) return setParsed(null)
    const result = parseImport(await file.text())
    setParsed(result)
    // The names the namespace has now, to say which items are new and which clash.
    if (result.ok) void existing.start((signal) => scanHwms(client, namespace.id, signal))
  }

  const plan = parsed?.ok && existing.state.status === 'done' ? planImport(parsed.items, existing.state.rows) : null

  const start = async () => {
    if (!plan) return
    const steps = importSteps(plan, onClash)
    stop.current = false
    const results: ImportResult[] = []
    setRun({ status: 'running', results, total: steps.length })
    await runImport(
      steps,
      {
        // Writes get no abort signal: Cancel waits for the one in flight rather than leave it unknown.
        create: (item) => client.call('createHwm', [{ namespace_id: namespace.id, ...item }]),
        update: (id, { name: _, ...fields }) => client.call('updateHwm', [id, fields]),
      },
      {
        stopped: () => stop.current,
        onResult: (r) => {
          results.push(r)
          setRun((s) => ({ ...s, results: [...results] }))
        },
        explain: (e) => {
          const v = describeError(e)
          return [v.title, v.detail, ...(v.items ?? [])].filter(Boolean).join(' — ')
        },
      },
    )
    setRun((s) => ({ ...s, status: stop.current ? 'cancelled' : 'done' }))
    void queryClient.invalidateQueries({ queryKey: keys.hwmLists(namespace.id) })
  }

  const busy = run.status === 'running' || run.status === 'cancelling'
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={fileId}>Export file (JSON)</label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {parsed && !parsed.ok && (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">This file cannot be imported</p>
          <p>{parsed.message}</p>
        </div>
      )}
      {parsed?.ok && parsed.invalid.length > 0 && (
        <div className="notice notice-error" role="alert" aria-label="Invalid items">
          <p className="notice-title">
            {parsed.invalid.length} invalid item{parsed.invalid.length === 1 ? '' : 's'}, which will not be sent
          </p>
          <ul className="notice-list">
            {parsed.invalid.map((i) => (
              <li key={i.position}>
                Item {i.position}
                {i.name && ` (“${i.name.length > 80 ? `${i.name.slice(0, 79)}…` : i.name}”)`}: {i.problems.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {parsed?.ok && existing.state.status === 'running' && (
        <p role="status">
          Reading the HWMs this namespace has: {existing.state.scanned} of {existing.state.total ?? '…'}
        </p>
      )}
      {existing.state.status === 'failed' && (
        <ErrorNotice error={existing.state.error} context="Could not read the namespace's HWMs" />
      )}
      {plan && run.status === 'idle' && <ImportPreview plan={plan} onClash={onClash} setOnClash={setOnClash} />}
      {run.status !== 'idle' && <ImportResults results={run.results} total={run.total} status={run.status} />}
      <div className="form-actions">
        {busy ? (
          <button
            type="button"
            className="button"
            disabled={run.status === 'cancelling'}
            onClick={() => {
              stop.current = true
              setRun((s) => ({ ...s, status: 'cancelling' }))
            }}
          >
            {run.status === 'cancelling' ? 'Cancelling…' : 'Cancel import'}
          </button>
        ) : (
          <>
            <button type="button" className="button-ghost" onClick={onClose}>
              Close
            </button>
            {run.status === 'idle' && (
              <button
                type="button"
                className="button button-primary"
                disabled={!plan || plan.create.length + plan.clash.length === 0}
                onClick={() => void start()}
              >
                Import
              </button>
            )}
          </>
        )}
      </div>
    </div>
  )
}
