// Builders for history tests: request bodies that share a prompt, and observations with only the interesting fields.
import type { Observation, ShapeKey } from '../../src/history/index.ts';

export const SYSTEM = 'You grade answers. Reply with a score from 1 to 5 and one sentence why.';

export function chatBody(row: string, extra: Record<string, unknown> = {}, system = SYSTEM): Record<string, unknown> {
  return {
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: row },
    ],
    max_completion_tokens: 500,
    ...extra,
  };
}

export function chatUsage(output: number, input = 100, cached = 0, reasoning = 0): Record<string, unknown> {
  return {
    prompt_tokens: input,
    completion_tokens: output,
    total_tokens: input + output,
    prompt_tokens_details: { cached_tokens: cached },
    completion_tokens_details: { reasoning_tokens: reasoning },
  };
}

/** An observation of `shape` in a run at `day` (2026-11-DD) whose answers all had `output` tokens. */
export function observation(shape: ShapeKey, day: number, output: number, n = 100, extra: Partial<Observation> = {}): Observation {
  const run_at = `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;
  return {
    v: 1,
    run_at,
    run_id: `run-${day}`,
    file: 'nightly.jsonl',
    model: shape.model,
    url: shape.url,
    shape: shape.id,
    prefix_hash: shape.prefix_hash,
    cap: shape.cap,
    effort: shape.effort,
    mode: 'batch',
    n,
    output: { mean: output, p10: output, p50: output, p90: output, max: output },
    reasoning_mean: 0,
    input_mean: 100,
    cached_input_mean: 0,
    cache_write_mean: 0,
    latency_ms_p50: null,
    ...extra,
  };
}
