import { readFileSync } from 'node:fs'
import { APP_DIR } from '../env'

/**
 * What test/layout/hostile-data.setup.ts made: the ids and names of a data set like a Horizon that
 * has lived a while (long and odd names, large values, a namespace of 5,000 HWMs, deep history, a
 * blank name). Written once per run, before the layout tests, to this file.
 */
export const HOSTILE_DATA_FILE = `${APP_DIR}/test-results/hostile-data.json`

export interface HostileData {
  /** Owner of everything here: the layout tests log in as this user to see every tab. */
  owner: string
  /** 256 characters, no space; holds the odd HWMs below. */
  longNamespace: { id: number; name: string }
  /** A single space: Horizon accepts it. */
  blankNamespace: { id: number; name: string }
  /** 5,000 HWMs. */
  bigNamespace: { id: number; name: string; count: number }
  hwms: {
    longName: { id: number; name: string }
    markup: { id: number; name: string }
    rtl: { id: number; name: string }
    emoji: { id: number; name: string }
    thousandKeys: { id: number; name: string }
    megabyte: { id: number; name: string }
    /** 300 history rows. */
    deepHistory: { id: number; name: string }
  }
  /** Seconds each part took, for the report. */
  timings: Record<string, number>
}

export const hostileData = (): HostileData => JSON.parse(readFileSync(HOSTILE_DATA_FILE, 'utf8')) as HostileData
