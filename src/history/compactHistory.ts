// What a bounded history keeps: per shape the newest runs, and in all the newest lines. Pure, so the rule can be
// tested without a file; appendHistory does the rewriting.
import { runKey, runsNewestFirst } from './runs.ts';
import type { HistoryBounds, Observation } from './types.ts';

export const DEFAULT_BOUNDS: HistoryBounds = { maxRunsPerShape: 50, maxObservations: 10_000 };

/** The observations to keep, in their original order. */
export function compactHistory(observations: Observation[], bounds: HistoryBounds = DEFAULT_BOUNDS): Observation[] {
  const byShape = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byShape.get(o.shape);
    if (list === undefined) byShape.set(o.shape, [o]);
    else list.push(o);
  }
  const kept = new Set<Observation>();
  for (const list of byShape.values()) {
    const newest = new Set(runsNewestFirst(list).slice(0, bounds.maxRunsPerShape));
    for (const o of list) if (newest.has(runKey(o))) kept.add(o);
  }
  if (kept.size > bounds.maxObservations) {
    const byAge = [...kept].sort((a, b) => Date.parse(b.run_at) - Date.parse(a.run_at));
    for (const o of byAge.slice(bounds.maxObservations)) kept.delete(o);
  }
  return observations.filter((o) => kept.has(o));
}
