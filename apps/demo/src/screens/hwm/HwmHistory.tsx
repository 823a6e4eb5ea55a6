import type { HWMResponseV1, JsonValue } from '@horizon-ts/core'
import { LIST_VIEWS, ViewToggle } from '../../components/ViewToggle'
import { DEFAULT_VIEWS } from '../../lib/screen-reads'
import { usePref } from '../../lib/use-pref'
import { HistoryChart } from './HistoryChart'
import { HistoryPages, HistoryScroll } from './HistoryLists'

/** The HWM's history beside the editor: continuous by default, or page by page. */
export function HwmHistory({ hwm, onRestore }: { hwm: HWMResponseV1; onRestore: (value: JsonValue) => void }) {
  const [view, setView] = usePref('hwm-history-view', LIST_VIEWS, DEFAULT_VIEWS.hwmHistory)
  const props = { hwm, onRestore }
  return (
    <section className="card stack history-panel" aria-labelledby="history-title">
      <div className="section-header">
        <h2 id="history-title">History</h2>
        <ViewToggle value={view} onChange={setView} />
      </div>
      <HistoryChart hwm={hwm} />
      {view === 'pages' ? <HistoryPages {...props} /> : <HistoryScroll {...props} />}
    </section>
  )
}
