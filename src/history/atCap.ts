// Output observed under one cap, carried over to another. Under a lower cap the answers that ran longer are cut at
// it. Under a higher cap, answers that ended on their own stay as they were, but the ones that were cut at the old
// cap might have gone on: they are assumed to run to the new cap (a deliberately high guess), and their share is read
// off the percentiles that sit at the old cap.
import type { OutputStats } from './types.ts';

export interface AtCap {
  mean: number;
  p10: number;
  p90: number;
  /** How the figures changed: not at all, cut at a lower cap, or raised for answers cut at a lower old cap. */
  change: 'none' | 'capped' | 'scaled';
}

/** Share of answers at the cap, the middle of what the percentiles allow (p90 at the cap: 10–50% were cut…). */
function shareAtCap(s: OutputStats, cap: number): number {
  if (s.p10 >= cap) return 0.95;
  if (s.p50 >= cap) return 0.7;
  if (s.p90 >= cap) return 0.3;
  return s.max >= cap ? 0.05 : 0;
}

export function atCap(s: OutputStats, oldCap: number | null, newCap: number | null): AtCap {
  if (newCap === null || oldCap === newCap) return { mean: s.mean, p10: s.p10, p90: s.p90, change: 'none' };
  if (oldCap !== null && oldCap < newCap) {
    const share = shareAtCap(s, oldCap);
    if (share === 0) return { mean: s.mean, p10: s.p10, p90: s.p90, change: 'none' };
    const lift = (v: number) => (v >= oldCap ? newCap : v);
    return { mean: Math.min(newCap, s.mean + share * (newCap - oldCap)), p10: lift(s.p10), p90: lift(s.p90), change: 'scaled' };
  }
  // min(mean, cap) is at least the true mean of the cut answers: it errs high, as an estimate of cost should.
  const capped = { mean: Math.min(s.mean, newCap), p10: Math.min(s.p10, newCap), p90: Math.min(s.p90, newCap) };
  return { ...capped, change: s.max > newCap ? 'capped' : 'none' };
}
