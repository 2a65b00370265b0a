// `--pilot N`: N requests of the file, chosen at random (seeded by the file's hash, so a rerun picks the same ones),
// sent synchronously before the decision. What they measured calibrates the estimate of the rest; their answers are
// kept in the results and never sent again.
import { createHash } from 'node:crypto';
import { observeResults } from '../../history/index.ts';
import type { Observation, ObservedRequest } from '../../history/index.ts';
import type { LineEstimate } from '../../estimate/types.ts';
import type { OutcomeIndex } from '../../results/index.ts';

/** `n` distinct lines of `lines`, a deterministic sample for `seed` (Fisher–Yates on a hash-seeded generator). */
export function choosePilotLines(lines: number[], n: number, seed: string): number[] {
  const pool = [...lines];
  const count = Math.min(n, pool.length);
  let state = Number.parseInt(createHash('sha256').update(seed).digest('hex').slice(0, 8), 16) >>> 0 || 1;
  const next = () => {
    // xorshift32: plenty for picking a sample.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count).sort((a, b) => a - b);
}

/** The pilot's answers as history observations (what the estimate of the rest is calibrated with). */
export function pilotObservations(lines: number[], items: Map<number, LineEstimate>, index: OutcomeIndex, file: string, at: string): Observation[] {
  const observed: ObservedRequest[] = [];
  for (const line of lines) {
    const item = items.get(line);
    const found = item ? index.read(item.custom_id) : null;
    if (!item || !found || found.kind !== 'journal') continue;
    observed.push({
      shape: item.shape, usage: found.record.usage, mode: 'sync', status: found.record.status,
      ...approxOf(item),
    });
  }
  return observeResults(observed, { run_at: at, file, run_id: 'pilot' });
}

/** What history needs to calibrate an approximated input count: the approximation this request was estimated with
 *  (absent where the count was exact). The pilot's answers and the run's are observed the same way. */
export function approxOf(it: LineEstimate): { approx_input?: number } {
  return it.approximate_input_tokens !== undefined ? { approx_input: it.approximate_input_tokens } : {};
}
