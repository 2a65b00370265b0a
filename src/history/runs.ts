// Which observations belong to the same run, and which runs are newest: shared by compaction and prediction.
import type { Observation } from './types.ts';

/** A run is its run_id; without one, its start time and file (two files of one job are two runs). */
export function runKey(o: Observation): string {
  return o.run_id !== undefined ? `id ${o.run_id}` : `at ${o.run_at} ${o.file}`;
}

/** Distinct runs of these observations, newest first (ties keep their order in the file). */
export function runsNewestFirst(observations: Observation[]): string[] {
  const startedAt = new Map<string, number>();
  for (const o of observations) {
    const key = runKey(o);
    const t = Date.parse(o.run_at);
    const seen = startedAt.get(key);
    if (seen === undefined || t > seen) startedAt.set(key, t);
  }
  return [...startedAt.entries()].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}
