import { describeError } from '../lib/errors'
import { CopyButton } from './CopyButton'

interface Props {
  error: unknown
  /** offered when trying again may help (server or network failures) */
  onRetry?: () => void
  /** what was being done, e.g. "Could not save the HWM" */
  context?: string
}

/** An error in words, with the request id for support; role="alert" so it is read out at once. */
export function ErrorNotice({ error, onRetry, context }: Props) {
  const view = describeError(error)
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">
        {context ? `${context}: ` : ''}
        {view.title}
      </p>
      {view.detail && <p>{view.detail}</p>}
      {view.items && view.items.length > 0 && (
        <ul className="notice-list">
          {view.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      {(view.requestId || (onRetry && view.retryable)) && (
        <div className="notice-actions">
          {onRetry && view.retryable && (
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          )}
          {view.requestId && (
            <span className="request-id">
              Request ID <code>{view.requestId}</code>
              <CopyButton text={view.requestId} label="Copy request ID" />
            </span>
          )}
        </div>
      )}
    </div>
  )
}
