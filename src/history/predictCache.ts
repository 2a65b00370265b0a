// The share of input that earlier runs of this prompt read from the prompt cache. The cache keys on the prompt's
// prefix, so runs with the same prefix count whatever their cap or effort; another prompt says nothing about this one,
// so there is no model-wide fallback.
import { plural, weighRecentRuns } from './recentRuns.ts';
import type { CachePrediction, Observation, PredictOptions, ShapeKey } from './types.ts';

export function predictCache(history: Observation[], shape: ShapeKey, opts: PredictOptions = {}): CachePrediction | null {
  const samePrefix = history.filter((o) => o.model === shape.model && o.url === shape.url && o.prefix_hash === shape.prefix_hash);
  if (samePrefix.length === 0) return null;
  const { weighted, runs } = weighRecentRuns(samePrefix, opts.recentRuns);
  let input = 0;
  let cached = 0;
  let written = 0;
  let sample = 0;
  // Weighted by input tokens as well as answers: the ratio of the sums, not the mean of per-run ratios.
  for (const { o, weight } of weighted) {
    input += weight * o.input_mean;
    cached += weight * o.cached_input_mean;
    written += weight * o.cache_write_mean;
    sample += o.n;
  }
  if (input === 0) return null;
  const ratio = Math.min(1, cached / input);
  const percent = Math.round(ratio * 100);
  return {
    ratio: Math.round(ratio * 10_000) / 10_000,
    write_ratio: Math.round(Math.min(1, written / input) * 10_000) / 10_000,
    sample,
    runs,
    reason: `${percent}% of input read from the cache in ${plural(runs, 'earlier run')} of this prompt, ${plural(sample, 'answer')}`,
  };
}
