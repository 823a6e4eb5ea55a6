import { useEffect } from 'react'

/** Sets the tab's title, so history entries and screen readers name the page. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Horizon admin` : 'Horizon admin'
  }, [title])
}
