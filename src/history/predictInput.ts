// How far an approximate input count (Anthropic's and Gemini's tokenizers are not available offline) was from what the
// provider billed, over earlier runs of the same model: the ratio the next approximation is multiplied by, so that it
// converges on the provider's count. Per model and not per prompt: the factor is the tokenizer's, and every prompt of
// the model says something about it; newer runs weigh more (recentRuns.ts).
import { plural, weighRecentRuns } from './recentRuns.ts';
import type { InputPrediction, Observation, PredictOptions } from './types.ts';

export function predictInputRatio(history: Observation[], model: string, opts: PredictOptions = {}): InputPrediction | null {
  const seen = history.filter((o) => o.model === model && o.approx_input_mean !== undefined && o.approx_input_mean > 0 && o.input_mean > 0);
  if (seen.length === 0) return null;
  const { weighted, runs } = weighRecentRuns(seen, opts.recentRuns);
  let billed = 0;
  let approximated = 0;
  let sample = 0;
  // The ratio of the sums (each run's input weighted by its answers and age), not the mean of per-run ratios.
  for (const { o, weight } of weighted) {
    billed += weight * o.input_mean;
    approximated += weight * o.approx_input_mean!;
    sample += o.n;
  }
  if (!(approximated > 0)) return null;
  const ratio = Math.round((billed / approximated) * 10_000) / 10_000;
  return {
    ratio,
    sample,
    runs,
    reason: `billed input was ${ratio}× the approximation in ${plural(runs, 'earlier run')} of ${model}, ${plural(sample, 'answer')}`,
  };
}
