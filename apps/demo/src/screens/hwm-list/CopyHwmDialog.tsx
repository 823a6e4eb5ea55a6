import type { HWMResponseV1, NamespaceResponseV1 } from '@horizon-ts/core'
import { useBulkCopyHwm, useNamespacesInfinite } from '@horizon-ts/react'
import { useEffect, useId, useState } from 'react'
import { Link } from 'wouter'
import { Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { RoleReason } from '../../components/RoleReason'
import { useAnnounce } from '../../lib/announcer'
import { plural } from '../../lib/format'
import { paths } from '../../lib/routes'
import { useNamespaceRole } from '../../lib/use-namespace-role'
import type { Selection } from '../../lib/use-selection'

interface Props {
  open: boolean
  onClose: () => void
  source: NamespaceResponseV1
  selection: Selection
}

/** Copies the selected HWMs into another namespace, with or without their history. */
export function CopyHwmDialog({ open, onClose, source, selection }: Props) {
  // The selection is cleared when the dialog closes after a copy, not at once: the title keeps its count.
  const [copied, setCopied] = useState(false)
  const close = () => {
    if (copied) selection.clear()
    setCopied(false)
    onClose()
  }
  return (
    <Dialog open={open} title={`Copy ${plural(selection.ids.length, 'HWM')}`} onClose={close}>
      <CopyForm source={source} selection={selection} onClose={close} onCopied={() => setCopied(true)} />
    </Dialog>
  )
}

interface FormProps {
  source: NamespaceResponseV1
  selection: Selection
  onClose: () => void
  onCopied: () => void
}

function CopyForm({ source, selection, onClose, onCopied }: FormProps) {
  // Every namespace, for the target list: pages of 50 fetched one after the other.
  const namespaces = useNamespacesInfinite({ page_size: 50 })
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = namespaces
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])
  const targets = (namespaces.data?.pages.flatMap((p) => p.items) ?? []).filter((ns) => ns.id !== source.id)
  const [targetId, setTargetId] = useState<number | undefined>()
  const [withHistory, setWithHistory] = useState(true)
  const [copied, setCopied] = useState<{ hwms: HWMResponseV1[]; target: NamespaceResponseV1 } | null>(null)
  const announce = useAnnounce()
  const copy = useBulkCopyHwm()
  const target = targets.find((ns) => ns.id === targetId)
  // The role in each namespace costs a request; only the chosen target's is asked, and Copy says why it is disabled.
  const targetAccess = useNamespaceRole(target?.id)
  const denied = target ? targetAccess.reason('copyInto', target.name) : null
  const reasonId = useId()

  if (copied)
    return (
      <div className="stack">
        <p className="notice notice-success">
          Copied {plural(copied.hwms.length, 'HWM')} to <strong>{copied.target.name}</strong>.
        </p>
        <div className="form-actions">
          <Link href={paths.namespace(copied.target.id)} className="button" onClick={onClose}>
            Open {copied.target.name}
          </Link>
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    )

  if (namespaces.isPending) return <Loading label="Loading namespaces…" />
  if (namespaces.isError) return <ErrorNotice error={namespaces.error} onRetry={() => namespaces.refetch()} />
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault()
        if (!target || denied) return
        copy.mutate(
          {
            source_namespace_id: source.id,
            target_namespace_id: target.id,
            hwm_ids: selection.ids,
            with_history: withHistory,
          },
          {
            onSuccess: ({ hwms }) => {
              announce(`Copied ${plural(hwms.length, 'HWM')} to ${target.name}`)
              onCopied()
              setCopied({ hwms, target })
            },
          },
        )
      }}
    >
      <p className="muted">
        From <strong>{source.name}</strong>: {selection.names.slice(0, 5).join(', ')}
        {selection.names.length > 5 ? ` and ${selection.names.length - 5} more` : ''}.
      </p>
      <Field
        label="Target namespace"
        hint="You need the developer role there. An HWM name that exists there already stops the copy."
      >
        <select
          value={targetId ?? ''}
          required
          onChange={(e) => {
            // A refusal (a name that exists there, no role there) was about the previous target.
            copy.reset()
            setTargetId(Number(e.target.value) || undefined)
          }}
        >
          <option value="">Choose a namespace…</option>
          {targets.map((ns) => (
            <option key={ns.id} value={ns.id}>
              {ns.name}
            </option>
          ))}
        </select>
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={withHistory} onChange={(e) => setWithHistory(e.target.checked)} />
        Copy their history too
      </label>
      {copy.error && <ErrorNotice error={copy.error} context="Could not copy" />}
      <div className="form-actions">
        <button type="button" className="button-ghost" onClick={onClose}>
          Cancel
        </button>
        <RoleReason id={reasonId} reason={denied} />
        <button
          type="submit"
          className="button button-primary"
          disabled={!target || denied !== null || copy.isPending}
          aria-describedby={denied ? reasonId : undefined}
        >
          {copy.isPending ? 'Copying…' : 'Copy'}
        </button>
      </div>
    </form>
  )
}
