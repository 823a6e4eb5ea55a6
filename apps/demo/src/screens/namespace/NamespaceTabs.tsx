import { Link } from 'wouter'
import { paths } from '../../lib/routes'

export const TABS = ['hwms', 'history', 'permissions', 'settings'] as const
export type NamespaceTab = (typeof TABS)[number]

const LABELS: Record<NamespaceTab, string> = {
  hwms: 'HWMs',
  history: 'History',
  permissions: 'Permissions',
  settings: 'Settings',
}

const href = (id: number, tab: NamespaceTab) => (tab === 'hwms' ? paths.namespace(id) : paths.namespaceTab(id, tab))

/** The namespace's sections as links (each has its own URL), the current one marked for screen readers. */
export function NamespaceTabs({ id, current }: { id: number; current: NamespaceTab }) {
  return (
    <nav aria-label="Namespace sections" className="tabs">
      <ul>
        {TABS.map((tab) => (
          <li key={tab}>
            <Link href={href(id, tab)} aria-current={tab === current ? 'page' : undefined}>
              {LABELS[tab]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
