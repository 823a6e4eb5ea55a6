/**
 * What every bench of the repo shares to turn samples into figures: interleaved rounds (a different
 * case first each round, so load on a shared machine and one case's garbage land on all cases alike),
 * medians, percentiles, the p10–p90 spread, and ratios taken round by round.
 */

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** The `p`-th percentile (0–100), nearest rank. */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((s.length * p) / 100) - 1))]
}

/** The 10th and 90th percentiles (the extremes when there are fewer than 10 samples). */
export const spread = (xs, digits = 0) => {
  const s = [...xs].sort((a, b) => a - b)
  return `${s[Math.floor(s.length * 0.1)].toFixed(digits)}–${s[Math.ceil(s.length * 0.9) - 1].toFixed(digits)}`
}

export const round = (x, digits = 2) => Number(x.toFixed(digits))

/**
 * Runs `turn(case)` for every case, `warmups` times each first, then `rounds` rounds with a different
 * case first each round.
 * @param cases `{ [name]: anything }`, handed to `turn` as `(value, name)`
 * @returns `{ [name]: sample[] }`, one sample per round, in round order
 */
export async function interleave(cases, { rounds, warmups = 1 }, turn) {
  const names = Object.keys(cases)
  const samples = Object.fromEntries(names.map((n) => [n, []]))
  for (const n of names) for (let i = 0; i < warmups; i++) await turn(cases[n], n)
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < names.length; i++) {
      const n = names[(r + i) % names.length]
      samples[n].push(await turn(cases[n], n))
    }
  return samples
}

/**
 * Ratios round by round (cases of one round run back to back, so a load that drifts over the run moves
 * both sides alike): `pick(sample)` of `name` over that of `base`, for each round.
 */
export const ratios = (samples, name, base, pick = (x) => x) =>
  samples[name].map((x, r) => pick(x) / pick(samples[base][r]))
