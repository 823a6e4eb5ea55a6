/** Types of compare.mjs, for compare.test.ts. */
export interface Difference {
  step: string
  family: string
  reasons: string[]
}
export interface ComparisonResult {
  /** the run's unique name prefix (`cmp-…`) */
  prefix: string
  /** requests sent, to both servers together */
  sent: number
  differences: Difference[]
  /** steps where the real server answered one of its known 500s, and what ours answered */
  allowed: Array<{ step: string; reason: string; ours: number }>
  /** every difference outside the allow-lists, and every allowed 500 ours did not answer sensibly */
  failures: string[]
}
export const ALLOWED: Record<string, string>
export const ALSO_500: Record<string, string>
export function compare(
  realUrl?: string,
  options?: { log?: (line: string, quiet?: boolean) => void },
): Promise<ComparisonResult>
export function byFamily(items: ReadonlyArray<{ family: string }>): Record<string, number>
