// Plain data of the pricing stage. Prices are USD per 1M tokens throughout.

export const ENCODINGS = ['o200k_base', 'cl100k_base'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** One mode's price. `cached_input` null: no cache discount in this mode, cached tokens bill at `input`. */
export interface ModePrice {
  input: number;
  cached_input: number | null;
  output: number;
}

/** One catalog entry, complete (every field present; optional ones as null / absent). The JSON shape on disk. */
export interface PriceEntry {
  input: number;
  cached_input: number | null;
  output: number;
  batch_input: number;
  /** null where the pricing page shows "-": cached tokens in a batch then bill at batch_input. */
  batch_cached_input: number | null;
  batch_output: number;
  /** null: the model has no flex processing. */
  flex: ModePrice | null;
  /** Absent where the tokenizer is undocumented (the tokens stage then picks its own default). */
  encoding?: Encoding;
  /** The model's output limit, the worst case when a request sets no max. */
  max_output_tokens: number | null;
  context_window: number | null;
  /** Reasoning tokens bill as output (o-series, gpt-5 family). */
  reasoning: boolean;
  /** The endpoints (request-file `url`s) the model serves; informational. */
  endpoints: string[];
  /** Dated names that bill at exactly this price and resolve to this entry. */
  snapshots: string[];
  /** ISO date (YYYY-MM-DD) the price was last seen. */
  as_of: string;
  /** Where the price comes from (a URL for bundled entries, the file path for user entries). */
  source: string;
  /** Says which figures are inferred and how. */
  note?: string;
}

export interface Catalog {
  /** The newest entry date. */
  as_of: string;
  source: string;
  notes?: string[];
  /** The user's pricing file merged over the bundled catalog, if any. */
  overrides?: string;
  models: Record<string, PriceEntry>;
}

/** What the estimate stage uses for one request model. */
export interface ModelPricing {
  /** The catalog key the request's model name resolved to. */
  model: string;
  sync: ModePrice;
  batch: ModePrice;
  flex: ModePrice | null;
  encoding?: Encoding;
  max_output_tokens: number | null;
  context_window: number | null;
  reasoning: boolean;
  endpoints: string[];
  as_of: string;
  source: string;
  note?: string;
}

/** Token counts to price. `input` INCLUDES `cached_input`, as the API's usage reports it
 *  (`prompt_tokens` / `input_tokens` contain `cached_tokens`). */
export interface TokenCounts {
  input: number;
  cached_input?: number;
  output: number;
}
