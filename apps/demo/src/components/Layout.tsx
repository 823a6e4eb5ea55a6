import { type ReactNode, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { paths } from '../lib/routes'
import { useSession } from '../lib/session'
import { ServerStatus } from './ServerStatus'
import { UserMenu } from './UserMenu'

/**
 * The signed-in frame: a skip link, the header (brand, navigation, user), the main landmark and a
 * footer naming the server. At phone width the navigation and user area fold behind a menu button.
 */
export function Layout({ children }: { children: ReactNode }) {
  const session = useSession()
  const [location] = useLocation()
  const [menuOpen, setMenuOpen] = useState(false)
  const [menuFor, setMenuFor] = useState(location)
  // Navigating closes the phone menu.
  if (menuFor !== location) {
    setMenuFor(location)
    setMenuOpen(false)
  }
  const onNamespaces =
    location === paths.namespaces || location.startsWith('/namespaces/') || location.startsWith('/hwm/')
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <Link href={paths.namespaces} className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>Horizon admin</span>
        </Link>
        <button
          type="button"
          className="menu-button button-ghost"
          aria-expanded={menuOpen}
          aria-controls="app-menu"
          onClick={() => setMenuOpen((o) => !o)}
        >
          Menu
        </button>
        <div id="app-menu" className={menuOpen ? 'app-menu app-menu-open' : 'app-menu'}>
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <Link
                  href={paths.namespaces}
                  className={onNamespaces ? 'nav-active' : undefined}
                  aria-current={location === paths.namespaces ? 'page' : undefined}
                  onClick={() => setMenuOpen(false)}
                >
                  Namespaces
                </Link>
              </li>
            </ul>
          </nav>
          <UserMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <ServerStatus baseUrl={session.baseUrl} />
        <span className="muted">
          Server <code>{session.baseUrl}</code>
        </span>
      </footer>
    </div>
  )
}
