/**
 * Timestamps in microseconds since the epoch, strictly increasing, so that histories ordered by
 * `changed_at` are never ambiguous (PostgreSQL keeps microseconds, and so do we).
 */

/** Microseconds since the epoch, with sub-millisecond precision from the high-resolution timer. */
const wallMicros = () => Math.floor((performance.timeOrigin + performance.now()) * 1000)

export class Clock {
  #last = 0

  /** A timestamp later than every one handed out or observed before. */
  now(): number {
    this.#last = Math.max(wallMicros(), this.#last + 1)
    return this.#last
  }

  /** Make later timestamps follow `micros` (used after seeding data with fixed dates). */
  observe(micros: number): void {
    this.#last = Math.max(this.#last, micros)
  }
}

/** ISO 8601 in UTC as pydantic 2 writes it: microseconds when not zero, and `Z`. */
export function isoMicros(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000)
  const fraction = micros - seconds * 1_000_000
  const base = secondsIso(seconds)
  return fraction ? `${base}.${String(fraction).padStart(6, '0')}Z` : `${base}Z`
}

/** `YYYY-MM-DDTHH:MM:SS` of a second, the last one remembered: rows of a page often share it. */
let lastSecond = Number.NaN
let lastBase = ''
function secondsIso(seconds: number): string {
  if (seconds !== lastSecond) {
    lastBase = new Date(seconds * 1000).toISOString().slice(0, 19)
    lastSecond = seconds
  }
  return lastBase
}

/** Microseconds of an ISO date (`2026-10-01T06:00:00Z`), for the seed. */
export const microsOf = (iso: string) => Date.parse(iso) * 1000
