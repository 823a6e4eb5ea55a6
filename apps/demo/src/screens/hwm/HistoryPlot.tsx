/**
 * The uPlot chart of a history, in its own chunk (HistoryChart imports it lazily, with uPlot and
 * its CSS): the HWM screen does not pay for it until someone asks for the chart.
 */
import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { HistorySeries } from '../../lib/history-series'

const HEIGHT = 240
// Distinct in light and dark mode; the first is the app's accent.
const PALETTE = ['var(--accent)', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#dc2626']

/** A CSS colour (a var() too) as the canvas needs it: resolved against the chart's element. */
function resolve(el: HTMLElement, color: string): string {
  const v = /^var\((--[\w-]+)\)$/.exec(color)
  return v ? getComputedStyle(el).getPropertyValue(v[1]!).trim() || '#888' : color
}

/** Stalls as shaded bands, jumps backwards as red downward triangles, over the plot area. */
function marks(h: HistorySeries, el: HTMLElement): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const ctx = u.ctx
        const { top, height } = u.bbox
        const warning = resolve(el, 'var(--warning)')
        const danger = resolve(el, 'var(--danger)')
        const x = (row: number) => u.valToPos(h.times[row - 1]!, 'x', true)
        ctx.save()
        h.series.forEach((s, si) => {
          const scale = u.series[si + 1]!.scale ?? 'y'
          for (const st of s.stalls) {
            const x0 = x(st.from)
            if (h.series.length === 1) {
              // One line: a band over the plot's height, easy to spot.
              ctx.globalAlpha = 0.18
              ctx.fillStyle = warning
              ctx.fillRect(x0, top, Math.max(2, x(st.to) - x0), height)
            } else {
              // Several lines: a band would not say whose; the flat stretch of that line is underlined.
              const y = u.valToPos(s.values[st.from - 1] ?? 0, scale, true)
              ctx.globalAlpha = 0.45
              ctx.strokeStyle = warning
              ctx.lineWidth = 8 * devicePixelRatio
              ctx.lineCap = 'round'
              ctx.beginPath()
              ctx.moveTo(x0, y)
              ctx.lineTo(x(st.to), y)
              ctx.stroke()
            }
          }
          ctx.globalAlpha = 1
          ctx.fillStyle = danger
          const r = 6 * devicePixelRatio
          for (const j of s.jumps) {
            const y = s.values[j.row - 1]
            if (y == null) continue
            const cx = x(j.row)
            const cy = u.valToPos(y, scale, true)
            ctx.beginPath()
            ctx.moveTo(cx - r, cy - r * 1.6)
            ctx.lineTo(cx + r, cy - r * 1.6)
            ctx.lineTo(cx, cy - r * 0.2)
            ctx.closePath()
            ctx.fill()
          }
        })
        ctx.restore()
      },
    },
  }
}

function options(h: HistorySeries, el: HTMLElement, width: number): uPlot.Options {
  const text = resolve(el, 'var(--muted)')
  const grid = resolve(el, 'var(--border)')
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } }
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: true }, y: { time: h.kind === 'time' } },
    axes: [axis, { ...axis, size: 70 }],
    legend: { show: true },
    cursor: { drag: { x: true, y: false } },
    series: [
      {},
      ...h.series.map((s, i) => ({
        label: s.label,
        stroke: resolve(el, PALETTE[i % PALETTE.length]!),
        width: 2,
        spanGaps: true,
        points: { show: h.times.length <= 150, size: 5 },
        // The exact value under the cursor (every digit of a bigint), not the rounded plot number.
        value: (_u: uPlot, _v: number | null, _si: number, idx: number | null) =>
          idx === null ? '--' : (s.texts[idx] ?? '--'),
      })),
    ],
    plugins: [marks(h, el)],
  }
}

/** The chart, as wide as its container: it follows the container's width (a phone too). */
export default function HistoryPlot({ series }: { series: HistorySeries }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = box.current
    if (!el) return
    const data = [series.times, ...series.series.map((s) => s.values)] as uPlot.AlignedData
    const plot = new uPlot(options(series, el, el.clientWidth || 300), data, el)
    const resize = new ResizeObserver(() => {
      if (el.clientWidth) plot.setSize({ width: el.clientWidth, height: HEIGHT })
    })
    resize.observe(el)
    return () => {
      resize.disconnect()
      plot.destroy()
    }
  }, [series])
  return <div ref={box} className="history-plot" aria-hidden="true" />
}
