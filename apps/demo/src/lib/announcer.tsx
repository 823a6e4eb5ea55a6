import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'

interface Announcement {
  id: number
  message: string
}

const AnnouncerContext = createContext<(message: string) => void>(() => {})

/**
 * Success messages ("HWM saved"): shown as a toast and read out by screen readers through a polite
 * live region that exists from the first render (a region added together with its text is not announced).
 * Errors are not announced here: they stay next to what failed, in role="alert" notices.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<Announcement | null>(null)
  const announce = useCallback((message: string) => setCurrent({ id: Date.now(), message }), [])
  useEffect(() => {
    if (!current) return
    const timer = setTimeout(() => setCurrent(null), 6000)
    return () => clearTimeout(timer)
  }, [current])
  const value = useMemo(() => announce, [announce])
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {current && (
          <div className="toast" key={current.id}>
            <span>{current.message}</span>
            <button type="button" className="button-ghost button-small" onClick={() => setCurrent(null)}>
              Dismiss
            </button>
          </div>
        )}
      </div>
    </AnnouncerContext.Provider>
  )
}

/** `announce('Saved')`: a short success message for sighted and screen reader users alike. */
export const useAnnounce = () => useContext(AnnouncerContext)
