import type { HWMResponseV1 } from '@horizon-ts/core'
import { lazy, Suspense, useMemo } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { describeSeries, historySeries } from '../../lib/history-series'
import { useWholeHistory } from './use-whole-history'

// uPlot and its CSS, in their own chunk: fetched when the first chart is drawn.
const HistoryPlot = lazy(() => import('./HistoryPlot'))

const number = (n: number) => n.toLocaleString('en-US')

/**
 * The value over time, from the whole history (loaded on request, with progress and Cancel),
 * with its stalls and jumps backwards drawn and said in words beside the chart.
 */
export function HistoryChart({ hwm }: { hwm: HWMResponseV1 }) {
  const whole = useWholeHistory(hwm.id)
  const series = useMemo(() => (whole.rows.length ? historySeries(whole.rows) : null), [whole.rows])
  const loading = whole.state === 'loading'
  return (
    <section className="history-chart stack-tight" aria-labelledby="history-chart-title">
      <div className="section-header">
        <h3 id="history-chart-title">Value over time</h3>
        {loading ? (
          <button type="button" className="button-ghost button-small" onClick={whole.cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={whole.start}>
            {whole.state === 'idle' ? 'Chart the history' : 'Reload the history'}
          </button>
        )}
      </div>
      {whole.state !== 'idle' && (
        <p className="muted" role="status">
          {whole.total === null
            ? 'Loading the history…'
            : `Loaded ${number(whole.rows.length)} of ${number(whole.total)} changes${
                whole.state === 'cancelled' ? ' (cancelled: the chart shows what was loaded)' : ''
              }`}
        </p>
      )}
      {whole.state === 'failed' && (
        <ErrorNotice error={whole.error} context="Could not load the history" onRetry={whole.start} />
      )}
      {whole.rows.length > 0 && !series && (
        <p className="muted">This value is not something to chart: numbers, dates and key → number objects are.</p>
      )}
      {series && (
        <figure className="history-figure" data-points={series.times.length} data-series={series.series.length}>
          <Suspense fallback={<div className="history-plot-placeholder">Loading the chart…</div>}>
            <HistoryPlot series={series} />
          </Suspense>
          <figcaption className="history-summary">
            <ul aria-label="Chart summary">
              {describeSeries(series).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </figcaption>
        </figure>
      )}
    </section>
  )
}
