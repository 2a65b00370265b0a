// Expected output per request of one shape, from what earlier runs measured. The closest evidence wins: this exact
// shape; else the same prompt and model under another cap (carried over to this cap); else the same model and
// endpoint with any prompt, which knows the model's habits but not this task, and says so (match 'model').
// Whatever the evidence, a prediction never exceeds the request's cap.
import { atCap } from './atCap.ts';
import { plural, weighRecentRuns } from './recentRuns.ts';
import { round2 } from './stats.ts';
import type { Observation, OutputPrediction, PredictOptions, PredictionMatch, ShapeKey } from './types.ts';

export function predict(history: Observation[], shape: ShapeKey, opts: PredictOptions = {}): OutputPrediction | null {
  const sameEndpoint = history.filter((o) => o.model === shape.model && o.url === shape.url);
  const exact = sameEndpoint.filter((o) => o.shape === shape.id);
  if (exact.length > 0) return combine(exact, shape, 'shape', opts, '');

  const otherCap = sameEndpoint.filter((o) => o.prefix_hash === shape.prefix_hash && o.effort === shape.effort);
  if (otherCap.length > 0) {
    const caps = [...new Set(otherCap.map((o) => (o.cap === null ? 'none' : String(o.cap))))].join(', ');
    return combine(otherCap, shape, 'shape', opts, ` of this prompt at another cap (${caps})`);
  }

  if (sameEndpoint.length === 0) return null;
  // Reasoning effort moves output more than the prompt does, so runs at the same effort are preferred.
  const sameEffort = sameEndpoint.filter((o) => o.effort === shape.effort);
  return combine(sameEffort.length > 0 ? sameEffort : sameEndpoint, shape, 'model', opts, ` of ${shape.model} with other prompts`);
}

function combine(
  candidates: Observation[],
  shape: ShapeKey,
  match: PredictionMatch,
  opts: PredictOptions,
  what: string,
): OutputPrediction | null {
  const { weighted, runs } = weighRecentRuns(candidates, opts.recentRuns);
  let total = 0;
  let mean = 0;
  let p10 = 0;
  let p90 = 0;
  let sample = 0;
  let sameCap = true;
  const changes = new Set<string>();
  for (const { o, weight } of weighted) {
    const c = atCap(o.output, o.cap, shape.cap);
    total += weight;
    mean += weight * c.mean;
    p10 += weight * c.p10;
    p90 += weight * c.p90;
    sample += o.n;
    if (o.cap !== shape.cap) sameCap = false;
    if (c.change !== 'none') changes.add(c.change);
  }
  if (total === 0) return null;
  const cap = shape.cap ?? Infinity;
  const notes: string[] = [];
  if (changes.has('capped')) notes.push(`cut at the cap of ${shape.cap}`);
  if (changes.has('scaled')) notes.push(`answers cut at a lower cap assumed to run to ${shape.cap}`);
  return {
    expected_per_request: round2(Math.min(cap, mean / total)),
    low: round2(Math.min(cap, p10 / total)),
    p90: round2(Math.min(cap, p90 / total)),
    sample,
    runs,
    source: 'history',
    match,
    same_cap: sameCap,
    reason:
      `expected output from ${plural(runs, 'earlier run')}${what}, ${plural(sample, 'answer')}` +
      (notes.length > 0 ? ` (${notes.join('; ')})` : ''),
  };
}
