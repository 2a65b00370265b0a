// What the estimate stage hands to report/ and run/: plain numbers, no I/O.
import type { Endpoint, LineProblem } from '../requests/types.ts';

/** A quantity known only as a range: the least it can be, our best guess, the most it can be. */
export interface Range {
  low: number;
  expected: number;
  max: number;
}

export type Mode = 'batch' | 'flex' | 'sync';

export interface ModeCosts {
  sync: Range;
  batch: Range;
  /** null when a model (or, in a total, any model of the file) has no flex processing. */
  flex: Range | null;
}

/** One request line as the estimate sees it (the `items` of `--detail`, and the run's plan). */
export interface LineEstimate {
  line: number;
  custom_id: string;
  model: string;
  url: Endpoint;
  bytes: number;
  input_tokens: number;
  /** Output cap for the whole request (per-choice cap × n); the model's limit when the request sets none. */
  max_output_tokens: number;
  /** True when the request sets no output cap and max_output_tokens is the model's limit. */
  unbounded: boolean;
  n: number;
  /** http(s) images counted at the model's maximum because their size cannot be known offline. */
  unknown_size_images: number;
  output_tokens: Range;
}

export interface ModelEstimate {
  model: string;
  /** The catalog entry that priced it (a dated snapshot resolves to its family when the price is the same). */
  priced_as: string;
  requests: number;
  input_tokens: number;
  output_tokens: Range;
  cost: ModeCosts;
  unbounded_requests: number;
  unknown_size_images: number;
  reasoning: boolean;
}

export interface Recommendation {
  mode: Mode;
  reason: string;
}

export interface SplitNote {
  kind: string;
  message: string;
}

export interface FileEstimate {
  file: string;
  requests: number;
  bytes: number;
  input_tokens: number;
  output_tokens: Range;
  models: ModelEstimate[];
  cost: ModeCosts;
  savings: { batch: Range; flex: Range | null };
  recommendation: Recommendation;
  pricing: { as_of: string; source: string };
  split_notes: SplitNote[];
  /** Lines that are valid but look like mistakes (e.g. a misspelt top-level key): shown, never fatal. */
  warnings: LineProblem[];
  /** All warnings of the file; `warnings` keeps the first 100. */
  warning_count: number;
  /** Things the reader should know about the numbers (unbounded outputs, unknown image sizes, assumptions). */
  notes: string[];
  items?: LineEstimate[];
}
