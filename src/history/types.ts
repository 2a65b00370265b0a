// Plain data of the history stage: what one run observed per request shape, and what the next estimate predicts
// from it. Everything here is JSON-ready; the file format is one Observation per line (see README.md).
import type { Endpoint } from '../requests/types.ts';

/** How a request was served. A superset of the estimate's modes: priority answers are observed too. */
export type RunMode = 'batch' | 'flex' | 'sync' | 'priority';
export const RUN_MODES: readonly RunMode[] = ['batch', 'flex', 'sync', 'priority'];

/** What makes two requests expected to answer alike: same model, endpoint, shared prompt prefix, cap and effort.
 *  The user's own row text is deliberately left out, so tomorrow's file with new rows has today's shape. */
export interface ShapeKey {
  /** 16 hex of sha256 over the fields below: what an Observation's `shape` holds. */
  id: string;
  model: string;
  url: Endpoint;
  /** 16 hex of sha256 over the shared prefix (system/developer messages or instructions, tools, output format). */
  prefix_hash: string;
  /** Output cap per choice as the request states it (max_completion_tokens / max_tokens / max_output_tokens). */
  cap: number | null;
  /** reasoning_effort (chat) or reasoning.effort (responses) as stated; null when the request leaves the default. */
  effort: string | null;
}

/** Output tokens per answer, visible and reasoning together (as they are billed). */
export interface OutputStats {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  max: number;
}

/** One line of the history file: one run's succeeded answers of one shape in one mode. */
export interface Observation {
  v: 1;
  /** ISO time the run started; orders runs (newer weigh more, compaction keeps the newest). */
  run_at: string;
  run_id?: string;
  /** Base name of the request file. */
  file: string;
  model: string;
  /** The endpoint; kept as a string so a history written by a newer batchwise still reads. */
  url: string;
  shape: string;
  prefix_hash: string;
  cap: number | null;
  effort: string | null;
  mode: RunMode;
  /** Succeeded answers behind the figures. */
  n: number;
  output: OutputStats;
  reasoning_mean: number;
  /** Input tokens per answer, cached and cache-written tokens included (as usage reports them). */
  input_mean: number;
  cached_input_mean: number;
  cache_write_mean: number;
  latency_ms_p50: number | null;
  /** Where the estimate's input count was approximate (Anthropic, Gemini): what it approximated per answer, uncalibrated,
   *  beside `input_mean` (what the provider billed), so the next estimate of the model can take on their ratio. */
  approx_input_mean?: number;
}

/** One request's outcome as observeResults needs it. */
export interface ObservedRequest {
  shape: ShapeKey;
  /** The endpoint's usage object, chat (prompt_tokens…) or responses (input_tokens…) shape. */
  usage: Record<string, unknown> | null;
  mode: RunMode;
  /** Only 'succeeded' counts; absent means succeeded (a request without usage never counts). */
  status?: string;
  latency_ms?: number | null;
  /** The estimate's approximate input tokens of this request before any calibration (LineEstimate's
   *  `approximate_input_tokens`); absent where the count was exact (OpenAI's tokenizer). */
  approx_input?: number;
}

/** The run an observation belongs to. */
export interface RunInfo {
  run_at: string;
  run_id?: string;
  /** The request file (a path is fine: only its base name is kept). */
  file: string;
}

export interface HistoryRead {
  observations: Observation[];
  /** Lines that could not be read (corrupt, or written by a newer batchwise): skipped, never fatal. */
  skipped: number;
}

/** How large the history file may grow. */
export interface HistoryBounds {
  /** Runs kept per shape, newest first. */
  maxRunsPerShape: number;
  /** Lines kept in all, newest runs first: a file whose every row has its own system prompt makes a shape per row. */
  maxObservations: number;
}

export interface AppendResult {
  appended: number;
  /** True when the file was rewritten to stay within its bounds. */
  compacted: boolean;
  /** Observations dropped by the compaction (0 when none ran). */
  dropped: number;
}

export interface PredictOptions {
  /** How many of the newest runs count (default 10). */
  recentRuns?: number;
}

/** 'shape': the same prompt prefix, model and effort (at this cap, or `same_cap` false: another one, adjusted).
 *  'model': only the same model and endpoint, another prompt: a weaker guess than a shape. */
export type PredictionMatch = 'shape' | 'model';

/** Expected output tokens per request of a shape, from earlier runs. */
export interface OutputPrediction {
  expected_per_request: number;
  /** A low figure: the weighted 10th percentile. */
  low?: number;
  p90: number;
  /** Answers behind it. */
  sample: number;
  runs: number;
  source: 'history';
  match: PredictionMatch;
  /** False when the runs behind a 'shape' match (or any 'model' match) had another cap and were adjusted to this one. */
  same_cap: boolean;
  reason: string;
}

/** How far an approximate input count was from what the provider billed, over earlier runs of one model. */
export interface InputPrediction {
  /** Billed input / approximated input (the same answers); the next approximation is multiplied by it. */
  ratio: number;
  /** Answers behind it. */
  sample: number;
  runs: number;
  reason: string;
}

/** The share of input tokens earlier runs of this prefix read from (or wrote to) the prompt cache. */
export interface CachePrediction {
  /** cached_input / input, 0..1. */
  ratio: number;
  /** cache_write / input, 0..1. */
  write_ratio: number;
  sample: number;
  runs: number;
  reason: string;
}
