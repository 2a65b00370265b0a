// Newer runs say more about tomorrow than older ones (prompts get tuned, models get updated behind an alias), so a
// prediction uses only the newest runs and lets each count less the older it is: of the last 10, the newest counts
// 10/10 per answer and the oldest 1/10.
import { runKey, runsNewestFirst } from './runs.ts';
import type { Observation } from './types.ts';

export const DEFAULT_RECENT_RUNS = 10;

export interface Weighted {
  o: Observation;
  /** Answers × recency: what this observation counts for in a weighted mean. */
  weight: number;
}

export function weighRecentRuns(observations: Observation[], recentRuns = DEFAULT_RECENT_RUNS): { weighted: Weighted[]; runs: number } {
  const keep = Math.max(1, Math.floor(recentRuns));
  const rank = new Map(runsNewestFirst(observations).slice(0, keep).map((key, i) => [key, i]));
  const weighted: Weighted[] = [];
  for (const o of observations) {
    const r = rank.get(runKey(o));
    if (r !== undefined) weighted.push({ o, weight: o.n * ((keep - r) / keep) });
  }
  return { weighted, runs: rank.size };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
