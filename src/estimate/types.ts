// What the estimate stage hands to report/ and run/: plain numbers, no I/O.
import type { Endpoint, LineProblem } from '../requests/types.ts';
import type { CatalogProvider, Lifecycle, PriceOrigin, Provider } from '../pricing/index.ts';
import type { ShapeKey } from '../history/index.ts';

/** A quantity known only as a range: the least it can be, our best guess, the most it can be. */
export interface Range {
  low: number;
  expected: number;
  max: number;
}

/** The four ways a request can be served. Priority ("Fast mode") is priced everywhere, run only when asked for. */
export type Mode = 'batch' | 'flex' | 'sync' | 'priority';
export const MODES: readonly Mode[] = ['sync', 'flex', 'batch', 'priority'];

export interface ModeCosts {
  sync: Range;
  batch: Range;
  /** null when a model (or, in a total, every model of the file) has no flex processing. */
  flex: Range | null;
  /** null when a model (or, in a total, every model of the file) has no priority processing. */
  priority: Range | null;
}

/** Where an expected output figure comes from: earlier runs, a pilot sample of this file, or the stated rule. */
export type OutputSource = 'history' | 'pilot' | 'heuristic';

export interface OutputTokens extends Range {
  /** What most of the requests' expected output rests on. */
  source: OutputSource;
  /** Answers behind a history or pilot figure (0 for the heuristic). */
  sample: number;
  /** Requests per source. */
  sources: Partial<Record<OutputSource, number>>;
}

/** How a request's input tokens were counted: exactly offline (OpenAI's tokenizer), approximately (another provider's
 *  tokenizer: the o200k_base count × a stated factor), that approximation calibrated by what earlier runs were billed
 *  ("history"), or by the provider's own counter (Anthropic count_tokens, Gemini countTokens). */
export type InputTokensSource = 'exact' | 'approximate' | 'history' | 'provider_count';
export const INPUT_TOKENS_SOURCES: readonly InputTokensSource[] = ['exact', 'approximate', 'history', 'provider_count'];

/** Prompt-cache tokens expected per mode (0 where the mode bills no cache discount); writes where the model bills them. */
export interface CacheTokens {
  cached_input_tokens: Record<Mode, number>;
  cache_write_tokens: number;
  /** Requests that share a cacheable prefix (1,024+ tokens) with an earlier request of the file. */
  requests_with_shared_prefix: number;
  /** "history" when earlier runs' cache hits calibrate it, else "prefix" (found in the file, hit rate assumed). */
  source: 'history' | 'prefix';
}

/** One request line as the estimate sees it (the `items` of `--detail`, and the run's plan). */
export interface LineEstimate {
  line: number;
  custom_id: string;
  model: string;
  url: Endpoint;
  bytes: number;
  input_tokens: number;
  input_tokens_source: InputTokensSource;
  /** Approximate catalogs (Anthropic, Gemini): the approximation before any calibration or provider count, which the
   *  run's history keeps beside the billed input (history/predictInput.ts). Absent where the count is exact. */
  approximate_input_tokens?: number;
  /** Output cap for the whole request (per-choice cap × n); the model's limit when the request sets none. */
  max_output_tokens: number;
  /** True when the request sets no output cap and max_output_tokens is the model's limit. */
  unbounded: boolean;
  n: number;
  /** http(s) images counted at the model's maximum because their size cannot be known offline. */
  unknown_size_images: number;
  output_tokens: Range;
  output_source: OutputSource;
  /** Expected cached input tokens at the standard tier (0 when the request shares no cacheable prefix). */
  cached_input_tokens: number;
  /** The request bills at the long-context tier (input above the model's threshold). */
  long_context: boolean;
  /** The request's own cost per mode (the max is what max-cost plans on). */
  cost: ModeCosts;
  /** History shape (same model, endpoint, shared prompt, cap and effort answer alike). */
  shape: ShapeKey;
}

export interface ModelEstimate {
  model: string;
  /** The catalog entry that priced it (a dated snapshot resolves to its family when the price is the same). */
  priced_as: string;
  /** "catalog", "user" (a --pricing file) or "derived" (the long-tail library; batch at 50%). */
  price_origin: PriceOrigin;
  /** The date the model's prices were checked. */
  price_as_of: string;
  requests: number;
  input_tokens: number;
  /** What most of the model's input counts rest on; `input_tokens_sources` has requests per source. */
  input_tokens_source: InputTokensSource;
  input_tokens_sources: Partial<Record<InputTokensSource, number>>;
  /** How the input was counted, in words (the tokenizer and factor, the calibration, the counter). */
  input_tokens_method: string;
  /** Answers behind a history calibration of the input (0 without one). */
  input_tokens_sample: number;
  output_tokens: OutputTokens;
  cost: ModeCosts;
  /** The same file priced as if no request hit the prompt cache (what the pick would be without caching). */
  cost_without_cache: ModeCosts;
  cache: CacheTokens | null;
  long_context_requests: number;
  unbounded_requests: number;
  unknown_size_images: number;
  reasoning: boolean;
  /** Lifecycle notes: shut down, or shutting down within 60 days, with the replacement. */
  warnings: string[];
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
  /** What most requests' input counts rest on, requests per source, and whether any count is approximate. */
  input_tokens_source: InputTokensSource;
  input_tokens_sources: Partial<Record<InputTokensSource, number>>;
  input_tokens_approximate: boolean;
  output_tokens: OutputTokens;
  models: ModelEstimate[];
  cost: ModeCosts;
  cost_without_cache: ModeCosts;
  savings: { batch: Range; flex: Range | null };
  recommendation: Recommendation;
  /** `provider`: whose prices (the catalog's --provider; openai when it names none). */
  pricing: { as_of: string; source: string; age_days: number; region: boolean; derived_models: string[]; provider: CatalogProvider };
  /** Models of the file that are shut down or shut down soon. */
  lifecycle: Lifecycle[];
  split_notes: SplitNote[];
  /** Lines that are valid but look like mistakes (e.g. a misspelt top-level key): shown, never fatal. */
  warnings: LineProblem[];
  /** All warnings of the file; `warnings` keeps the first 100. */
  warning_count: number;
  /** Things the reader should know about the numbers (unbounded outputs, unknown image sizes, assumptions). */
  notes: string[];
  /** `--compare`: the same requests priced on other providers' models (approximate; never part of the recommendation). */
  comparison?: ComparisonEstimate[];
  items?: LineEstimate[];
}

/** The requests of one model of the file priced on another provider's model (estimate/compare.ts). */
export interface ComparisonEstimate {
  /** The file's model (as the requests name it). */
  from: string;
  /** The comparison model as asked for (`claude-haiku-4-5`, `azure/gpt-5.4-mini`). */
  to: string;
  provider: Provider;
  /** The catalog entry that priced `to` (for Azure, the OpenAI entry of data/pricing.json). */
  priced_as: string;
  requests: number;
  /** Approximate: the OpenAI count × `token_ratio` (src/tokens/approximate.ts). */
  input_tokens: number;
  /** Carried over from `from` (history, pilot or heuristic) × `token_ratio`; max = each request's cap, clamped to `to`'s limit. */
  output_tokens: Range;
  cost: { sync: Range; batch: Range };
  /** The same requests on `from`, also without prompt-cache hits: the figure the comparison stands against. */
  baseline: { sync: Range; batch: Range };
  approximate: true;
  token_ratio: number;
  /** Where the factor comes from, or that it is an assumption. */
  token_basis: string;
  price_as_of: string;
  price_source: string;
  notes: string[];
}
