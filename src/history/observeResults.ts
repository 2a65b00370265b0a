// From one run's outcomes to history lines: one Observation per shape and mode. Modes are kept apart because their
// latencies have nothing in common (a batch answer takes hours, a sync one seconds); their outputs are pooled again
// when predicting.
import { basename } from 'node:path';
import { readUsage } from './readUsage.ts';
import type { UsageCounts } from './readUsage.ts';
import { mean, percentile, round2 } from './stats.ts';
import type { Observation, ObservedRequest, RunInfo, RunMode, ShapeKey } from './types.ts';

interface Group {
  shape: ShapeKey;
  mode: RunMode;
  counts: UsageCounts[];
  latencies: number[];
  /** The estimate's approximate input of each request, where it had one. */
  approx: number[];
}

export function observeResults(requests: Iterable<ObservedRequest>, run: RunInfo): Observation[] {
  const groups = new Map<string, Group>();
  for (const r of requests) {
    // A failed or expired request says nothing about how long an answer is; a succeeded one always has usage.
    if (r.status !== undefined && r.status !== 'succeeded') continue;
    const counts = readUsage(r.usage);
    if (counts === null) continue;
    const key = `${r.shape.id} ${r.mode}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { shape: r.shape, mode: r.mode, counts: [], latencies: [], approx: [] };
      groups.set(key, g);
    }
    g.counts.push(counts);
    if (typeof r.latency_ms === 'number' && Number.isFinite(r.latency_ms) && r.latency_ms >= 0) g.latencies.push(r.latency_ms);
    if (typeof r.approx_input === 'number' && Number.isFinite(r.approx_input) && r.approx_input >= 0) g.approx.push(r.approx_input);
  }
  return [...groups.values()].map((g) => toObservation(g, run));
}

function toObservation(g: Group, run: RunInfo): Observation {
  const outputs = g.counts.map((c) => c.output).sort((a, b) => a - b);
  const latencies = [...g.latencies].sort((a, b) => a - b);
  return {
    v: 1,
    run_at: run.run_at,
    ...(run.run_id !== undefined ? { run_id: run.run_id } : {}),
    file: basename(run.file),
    model: g.shape.model,
    url: g.shape.url,
    shape: g.shape.id,
    prefix_hash: g.shape.prefix_hash,
    cap: g.shape.cap,
    effort: g.shape.effort,
    mode: g.mode,
    n: g.counts.length,
    output: {
      mean: round2(mean(outputs)),
      p10: round2(percentile(outputs, 0.1)),
      p50: round2(percentile(outputs, 0.5)),
      p90: round2(percentile(outputs, 0.9)),
      max: outputs[outputs.length - 1],
    },
    reasoning_mean: round2(mean(g.counts.map((c) => c.reasoning))),
    input_mean: round2(mean(g.counts.map((c) => c.input))),
    cached_input_mean: round2(mean(g.counts.map((c) => c.cached_input))),
    cache_write_mean: round2(mean(g.counts.map((c) => c.cache_write))),
    latency_ms_p50: latencies.length > 0 ? round2(percentile(latencies, 0.5)) : null,
    // Only beside a measured mean of the same answers: a ratio of two means over different requests would mislead.
    ...(g.approx.length === g.counts.length ? { approx_input_mean: round2(mean(g.approx)) } : {}),
  };
}
