import { deserializeState } from '@horizon-ts/core/query'
import { hydrate } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from './App'
import { readBootstrap, STATE_ID } from './lib/bootstrap'
import { createQueryClient } from './lib/query-client'
import './styles/base.css'
import './styles/layout.css'
import './styles/buttons.css'
import './styles/forms.css'
import './styles/tables.css'
import './styles/feedback.css'
import './styles/content.css'
import './styles/history.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
const queryClient = createQueryClient()
// A server-rendered page carries the answers it was rendered with: the cache starts with them,
// bigints included (deserializeState), so hydration sends no request while they are fresh.
const state = document.getElementById(STATE_ID)?.textContent
if (state) hydrate(queryClient, deserializeState(state))
const app = (
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>
)
if (readBootstrap()) hydrateRoot(root, app)
else createRoot(root).render(app)
