import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv, type ProxyOptions } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

/** The path the app calls on its own origin when Horizon is reached through this server. */
export const PROXY_PATH = '/horizon-api'

export default defineConfig(({ mode }) => {
  // HORIZON_PROXY_TARGET is read by this config only (no VITE_ prefix: it never reaches the bundle).
  const env = loadEnv(mode, root, '')
  const target = env.HORIZON_PROXY_TARGET || 'http://127.0.0.1:8000'
  // Same-origin requests need no CORS: a real Horizon, which allows no origin by default, works as is.
  const proxy: Record<string, ProxyOptions> = {
    [PROXY_PATH]: {
      target,
      changeOrigin: true,
      rewrite: (path) => path.slice(PROXY_PATH.length) || '/',
    },
  }
  return {
    root,
    plugins: [react()],
    server: { proxy },
    preview: { proxy },
    build: {
      sourcemap: true,
      rollupOptions: {
        // The core loads its exact-number parser lazily; this app also imports it statically (through
        // `/query`'s serializeState), so it is in the main chunk anyway: nothing to act on.
        onwarn(warning, warn) {
          if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning)
        },
      },
    },
  }
})
