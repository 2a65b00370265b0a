// One line of the history file, checked field by field. The file lives in a repository or a cache across many jobs
// and batchwise versions, and people edit it, so a bad line is the reader's problem to survive, never the run's.
import { RUN_MODES } from './types.ts';
import type { Observation, OutputStats, RunMode } from './types.ts';

/** A line written by a newer batchwise (a higher `v`): unreadable here, but not ours to drop when compacting. */
export const NEWER_VERSION = 'newer';

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

function outputStats(v: unknown): OutputStats | null {
  if (v === null || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const { mean, p10, p50, p90, max } = o;
  if (!isCount(mean) || !isCount(p10) || !isCount(p50) || !isCount(p90) || !isCount(max)) return null;
  return { mean, p10, p50, p90, max };
}

export function parseHistoryLine(text: string): Observation | typeof NEWER_VERSION | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  if (typeof o.v === 'number' && Number.isInteger(o.v) && o.v > 1) return NEWER_VERSION;
  if (o.v !== 1) return null;
  const output = outputStats(o.output);
  const ok =
    isText(o.run_at) &&
    Number.isFinite(Date.parse(o.run_at)) &&
    (o.run_id === undefined || isText(o.run_id)) &&
    isText(o.file) &&
    isText(o.model) &&
    isText(o.url) &&
    isText(o.shape) &&
    isText(o.prefix_hash) &&
    (o.cap === null || (typeof o.cap === 'number' && Number.isInteger(o.cap) && o.cap > 0)) &&
    (o.effort === null || typeof o.effort === 'string') &&
    RUN_MODES.includes(o.mode as RunMode) &&
    typeof o.n === 'number' &&
    Number.isInteger(o.n) &&
    o.n > 0 &&
    output !== null &&
    isCount(o.reasoning_mean) &&
    isCount(o.input_mean) &&
    isCount(o.cached_input_mean) &&
    isCount(o.cache_write_mean) &&
    (o.latency_ms_p50 === null || isCount(o.latency_ms_p50)) &&
    (o.approx_input_mean === undefined || isCount(o.approx_input_mean));
  if (!ok || output === null) return null;
  // Rebuilt field by field, so stray keys of a hand-edited line do not travel on into the next compaction.
  return {
    v: 1,
    run_at: o.run_at as string,
    ...(o.run_id !== undefined ? { run_id: o.run_id as string } : {}),
    file: o.file as string,
    model: o.model as string,
    url: o.url as string,
    shape: o.shape as string,
    prefix_hash: o.prefix_hash as string,
    cap: o.cap as number | null,
    effort: o.effort as string | null,
    mode: o.mode as RunMode,
    n: o.n as number,
    output,
    reasoning_mean: o.reasoning_mean as number,
    input_mean: o.input_mean as number,
    cached_input_mean: o.cached_input_mean as number,
    cache_write_mean: o.cache_write_mean as number,
    latency_ms_p50: o.latency_ms_p50 as number | null,
    ...(o.approx_input_mean !== undefined ? { approx_input_mean: o.approx_input_mean as number } : {}),
  };
}
