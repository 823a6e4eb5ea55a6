import { useState } from 'react'

/** Copies a value (a request id, an HWM value) to the clipboard and says so. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(true)
      setTimeout(() => setCopied(false), 2000)
    } catch {
      // No clipboard (insecure origin, permissions): the text is on screen and selectable anyway.
    }
  }
  return (
    <button type="button" className="button-ghost button-small" onClick={copy} aria-label={label}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  )
}
