// A Vite + React project as `npm create vite` makes one. `vite build` of app.html or baseline.html (CONSUMER_ENTRY), into dist-<entry>/ (scripts/consumer.mjs).
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const entry = process.env.CONSUMER_ENTRY ?? 'app'
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  plugins: [react()], // as Vite's React template has it
  build: { outDir: `dist-${entry}`, emptyOutDir: true, rollupOptions: { input: `${entry}.html` } },
})
