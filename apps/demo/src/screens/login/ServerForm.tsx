import { useId, useState } from 'react'
import { ServerStatus } from '../../components/ServerStatus'
import { useSession } from '../../lib/session'

/**
 * Which Horizon to use: the dev proxy path (`/horizon-api`, no CORS needed) or any URL whose server
 * allows this origin. Applying it makes a new client, and the status line pings it.
 */
export function ServerForm() {
  const session = useSession()
  const [draft, setDraft] = useState(session.baseUrl)
  const id = useId()
  const changed = draft.trim() !== session.baseUrl
  return (
    <form
      className="server-form field"
      aria-label="Server"
      onSubmit={(e) => {
        e.preventDefault()
        if (draft.trim()) session.connect(draft.trim())
      }}
    >
      <label htmlFor={id}>Horizon URL</label>
      <div className="input-row">
        <input
          id={id}
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button" disabled={!changed || !draft.trim()}>
          Use this server
        </button>
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        A server root or prefix (https://host/api), or /horizon-api through the dev server's proxy.
      </p>
      <p className="server-line" aria-live="polite">
        <ServerStatus baseUrl={session.baseUrl} />
        {changed && <span className="muted"> · press “Use this server” to switch</span>}
      </p>
    </form>
  )
}
