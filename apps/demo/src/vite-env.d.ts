/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Horizon's base URL: a server root, a prefix, or the dev proxy path (default `/horizon-api`). */
  readonly VITE_HORIZON_URL?: string
  /** Demo users offered on the login screen, comma-separated; the first one prefills the form. */
  readonly VITE_DEMO_USERS?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
